#!/usr/bin/env python3
"""Write a reward model with real shapes and random weights, for throughput benchmarks.

Takes the config of a small checkpoint of the same architecture (e.g. fixtures/tiny-qwen3) and
scales it to the published dimensions of a real model, initialises bf16 weights on the GPU and
saves a Hugging Face folder with the tokenizer files of the small checkpoint.
"""

import argparse
import json
import shutil
from pathlib import Path

import torch
from transformers import AutoConfig, AutoModelForSequenceClassification

SHAPES = {
    # Skywork-Reward-V2-Qwen3-0.6B (Qwen3-0.6B dimensions)
    "qwen3-0.6b": dict(
        hidden_size=1024,
        intermediate_size=3072,
        num_hidden_layers=28,
        num_attention_heads=16,
        num_key_value_heads=8,
        head_dim=128,
        vocab_size=151936,
        max_position_embeddings=40960,
    ),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("small", help="a small checkpoint folder of the same architecture")
    parser.add_argument("out", help="folder to write")
    parser.add_argument("--shape", default="qwen3-0.6b", choices=sorted(SHAPES))
    args = parser.parse_args()

    small, out = Path(args.small), Path(args.out)
    small_config = AutoConfig.from_pretrained(small)
    values = small_config.to_dict()
    values.update(SHAPES[args.shape])
    # Per-layer lists (attention kinds) belong to the small model's depth: let the config class
    # derive them again for the new one.
    values.pop("layer_types", None)
    values["max_window_layers"] = values["num_hidden_layers"]
    config = type(small_config)(**values)
    torch.manual_seed(0)
    with torch.device("cuda"):
        try:
            model = AutoModelForSequenceClassification.from_config(config, dtype=torch.bfloat16)
        except TypeError:  # transformers 4.x names it torch_dtype
            model = AutoModelForSequenceClassification.from_config(
                config, torch_dtype=torch.bfloat16
            )
    model.save_pretrained(out)
    for name in ("tokenizer.json", "tokenizer_config.json"):
        shutil.copyfile(small / name, out / name)
    print(json.dumps({"out": str(out), "params": sum(p.numel() for p in model.parameters())}))


if __name__ == "__main__":
    main()

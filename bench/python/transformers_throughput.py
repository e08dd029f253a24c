#!/usr/bin/env python3
"""Baseline for `rewardlens bench-score`: the same measurement with Python transformers.

Times a batch of BATCH random conversations of TOKENS tokens each (forward pass only) and the
batch-1 latency at LATENCY_TOKENS, for the eager transformers model and, when a bundle trace is
given, for that TorchScript file under Python's torch.jit. Prints one JSON object.
"""

import argparse
import json
import statistics
import time

import torch
from transformers import AutoModelForSequenceClassification


def timed(fn, repeat: int) -> list[float]:
    for _ in range(3):  # warm-up, as on the Java side
        fn()
    torch.cuda.synchronize()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        torch.cuda.synchronize()
        times.append((time.perf_counter() - start) * 1000)
    return times


def measure(name, forward, batch_ids, single_ids, repeat):
    with torch.inference_mode():
        batch_ms = timed(lambda: forward(batch_ids), repeat)
        single_ms = timed(lambda: forward(single_ids), repeat)
    tokens = batch_ids.numel()
    median = statistics.median(batch_ms)
    return {
        "runner": name,
        "batch_tokens": tokens,
        "batch_ms_median": median,
        "batch_ms_min": min(batch_ms),
        "tokens_per_s": tokens / (median / 1000),
        "latency_tokens": single_ids.shape[1],
        "latency_ms_median": statistics.median(single_ms),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("model", help="Hugging Face model folder")
    parser.add_argument("--trace", help="a bundle's TorchScript file to time as well")
    parser.add_argument("--attn", default="sdpa")
    parser.add_argument("--batch", type=int, default=16)
    parser.add_argument("--tokens", type=int, default=1024)
    parser.add_argument("--latency-tokens", type=int, default=512)
    parser.add_argument("--repeat", type=int, default=10)
    args = parser.parse_args()

    model = AutoModelForSequenceClassification.from_pretrained(
        args.model, dtype=torch.bfloat16, attn_implementation=args.attn
    ).to("cuda").eval()
    vocab = model.config.vocab_size
    generator = torch.Generator().manual_seed(7)
    batch_ids = torch.randint(1000, vocab - 1000, (args.batch, args.tokens), generator=generator)
    single_ids = torch.randint(1000, vocab - 1000, (1, args.latency_tokens), generator=generator)
    batch_ids, single_ids = batch_ids.cuda(), single_ids.cuda()

    results = [
        measure(
            f"transformers {args.attn}",
            lambda ids: model(input_ids=ids, attention_mask=torch.ones_like(ids)).logits,
            batch_ids,
            single_ids,
            args.repeat,
        )
    ]
    if args.trace:
        trace = torch.jit.load(args.trace, map_location="cuda").eval()
        results.append(
            measure(
                "python torch.jit (same trace)",
                lambda ids: trace(ids, torch.ones_like(ids)),
                batch_ids,
                single_ids,
                args.repeat,
            )
        )
    print(
        json.dumps(
            {
                "torch": torch.__version__,
                "gpu": torch.cuda.get_device_name(0),
                "params": sum(p.numel() for p in model.parameters()),
                "results": results,
            },
            indent=1,
        )
    )


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Turn a Hugging Face reward model into a RewardLens model bundle.

The bundle holds the model's Hub files (config, tokenizer, chat template), one TorchScript
trace per target device/dtype and a bundle.json with self-test cases whose expected scores
come from eager transformers on the same device and dtype. RewardLens (Java, DJL) loads the
folder and refuses it when its own results disagree with those expectations.

Each trace is a wrapper around AutoModelForSequenceClassification that returns
(score float32 [B], per_token float32 [B,T]) for right-padded input: the score head applied to
every position's final hidden state, and the value at the last attended position. bf16 stays
inside the trace; only int64 and float32 cross its boundary.

Usage (see the README, "Exporting a model"):
    python exporter/rewardlens_export.py Skywork/Skywork-Reward-V2-Qwen3-0.6B out/qwen3-0.6b
    python exporter/rewardlens_export.py LOCAL_DIR OUT --target cpu:float32 --target cuda:bfloat16
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import hashlib
import json
import os
import shutil
import sys
import time
from dataclasses import dataclass
from pathlib import Path

BUNDLE_FORMAT = 1
TOOL = "rewardlens-export 1"
HUB_FILES = (
    "config.json",
    "tokenizer.json",
    "tokenizer_config.json",
    "special_tokens_map.json",
    "chat_template.jinja",
    "chat_template.json",
)
# Absolute tolerance of trace vs. eager transformers, by dtype: float32 must agree to the
# fifth decimal; half precision gets the drift measured between kernels (about 1e-2).
TOLERANCE = {"float32": (1e-4, 0.0), "bfloat16": (3e-2, 2e-2), "float16": (3e-2, 2e-2)}

# Conversations every bundle is checked on. Chosen to cover what breaks traces and templates:
# multi-turn, a system prompt, non-ASCII text, an empty answer and one long answer.
DEFAULT_CASES = [
    {
        "name": "arithmetic",
        "messages": [
            {"role": "user", "content": "What is 17 * 23? Show your steps."},
            {"role": "assistant", "content": "17 * 23 = 17 * 20 + 17 * 3 = 340 + 51 = 391."},
        ],
    },
    {
        "name": "multi_turn",
        "messages": [
            {"role": "user", "content": "What is the capital of France?"},
            {"role": "assistant", "content": "Paris."},
            {"role": "user", "content": "And of Italy? Answer in one word."},
            {"role": "assistant", "content": "Rome."},
        ],
    },
    {
        "name": "system_prompt",
        "messages": [
            {"role": "system", "content": "You are a terse assistant."},
            {"role": "user", "content": "Say hi."},
            {"role": "assistant", "content": "Hi."},
        ],
    },
    {
        "name": "unicode",
        "messages": [
            {"role": "user", "content": "Traduis « bonjour » en japonais et en chinois 🙂"},
            {"role": "assistant", "content": "Japonais : こんにちは. Chinois : 你好. 👋"},
        ],
    },
    {
        "name": "empty_answer",
        "messages": [
            {"role": "user", "content": "Reply with nothing at all."},
            {"role": "assistant", "content": ""},
        ],
    },
    {
        "name": "long",
        "messages": [
            {"role": "user", "content": "Explain binary search with an example in Python."},
            {
                "role": "assistant",
                "content": (
                    "Binary search finds a value in a sorted list by halving the range.\n\n"
                    + "\n".join(
                        f"{i}. Step {i}: compare the middle element with the target and keep "
                        f"the half that can still contain it."
                        for i in range(1, 40)
                    )
                    + "\n\n```python\ndef find(xs, x):\n    lo, hi = 0, len(xs)\n"
                    "    while lo < hi:\n        mid = (lo + hi) // 2\n"
                    "        if xs[mid] < x:\n            lo = mid + 1\n        else:\n"
                    "            hi = mid\n    return lo\n```"
                ),
            },
        ],
    },
]


@dataclass(frozen=True)
class Target:
    """One trace to produce: the device kind it runs on and the dtype of the weights."""

    device: str
    dtype: str

    @property
    def key(self) -> str:
        return f"{self.device}/{self.dtype}"

    @property
    def file_name(self) -> str:
        if self.device == "cpu" and self.dtype == "float32":
            return "reward.torchscript.pt"  # the name a plain folder is loaded by
        return f"reward.{self.device}-{self.dtype}.torchscript.pt"


def parse_target(text: str) -> Target:
    device, _, dtype = text.partition(":")
    dtype = dtype or ("bfloat16" if device == "cuda" else "float32")
    if device not in ("cpu", "cuda") or dtype not in TOLERANCE:
        raise argparse.ArgumentTypeError(
            f"--target {text!r}: expected cpu|cuda[:float32|bfloat16|float16]"
        )
    return Target(device, dtype)


def within(expected: float, got: float, dtype: str) -> bool:
    atol, rtol = TOLERANCE[dtype]
    return abs(expected - got) <= atol + rtol * abs(expected)


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 22), b""):
            digest.update(block)
    return digest.hexdigest()


def log(message: str) -> None:
    print(f"[export {time.strftime('%H:%M:%S')}] {message}", flush=True)


def resolve_source(source: str) -> Path:
    """A local folder as it is, or a Hub id downloaded into the Hub cache."""
    path = Path(source)
    if path.is_dir():
        return path
    from huggingface_hub import snapshot_download

    return Path(snapshot_download(source))


def load_cases(cases_file: str | None) -> list[dict]:
    if not cases_file:
        return [dict(case) for case in DEFAULT_CASES]
    cases = []
    with open(cases_file, encoding="utf-8") as stream:
        for number, line in enumerate(stream, 1):
            if not line.strip():
                continue
            record = json.loads(line)
            if "messages" not in record:
                raise SystemExit(f"{cases_file} line {number}: field 'messages' is missing")
            cases.append({"name": record.get("name", f"case_{number}"), "messages": record["messages"]})
    return cases


def render_cases(tokenizer, cases: list[dict]) -> list[dict]:
    """Renders and tokenizes every case the way RewardLens must: template text, then no added
    special tokens and no truncation. Cases the template refuses (e.g. Gemma-2 and a system
    turn) are dropped with a note."""
    rendered = []
    for case in cases:
        try:
            text = tokenizer.apply_chat_template(case["messages"], tokenize=False)
        except Exception as error:  # the template's own raise_exception
            log(f"case {case['name']}: template refuses it ({error}); not a self-test")
            continue
        ids = tokenizer(text, add_special_tokens=False, truncation=False)["input_ids"]
        templated = tokenizer.apply_chat_template(case["messages"], tokenize=True)
        if hasattr(templated, "keys"):
            templated = templated["input_ids"]
        if list(templated) != list(ids):
            raise SystemExit(
                f"case {case['name']}: ids of the rendered text differ from apply_chat_template "
                "ids; refusing to export a bundle that cannot be reproduced"
            )
        rendered.append({**case, "rendered": text, "input_ids": list(ids)})
    if not rendered:
        raise SystemExit("no self-test case survives the chat template")
    return rendered


def attention_for(config, requested: str) -> str:
    if requested != "auto":
        return requested
    # Gemma-2 soft-caps attention logits; sdpa silently drops the cap (the Skywork model
    # card's warning), so only eager attention gives the reference scores.
    if getattr(config, "attn_logit_softcapping", None) is not None:
        return "eager"
    return "sdpa"


def load_model(source: Path, target: Target, attn: str):
    import torch
    from transformers import AutoModelForSequenceClassification

    dtype = getattr(torch, target.dtype)
    try:
        model = AutoModelForSequenceClassification.from_pretrained(
            source, dtype=dtype, attn_implementation=attn
        )
    except TypeError:  # transformers 4.x names the argument torch_dtype
        model = AutoModelForSequenceClassification.from_pretrained(
            source, torch_dtype=dtype, attn_implementation=attn
        )
    if getattr(model.config, "num_labels", 1) != 1:
        raise SystemExit(f"{source}: num_labels is {model.config.num_labels}; a reward model has 1")
    return model.to(target.device).eval()


def make_wrapper(model):
    import torch

    class RewardTrace(torch.nn.Module):
        """(score [B], per_token [B,T]) in float32 for right-padded input."""

        def __init__(self, classifier):
            super().__init__()
            self.base = getattr(classifier, classifier.base_model_prefix)
            self.head = classifier.score

        def forward(self, input_ids, attention_mask):
            hidden = self.base(input_ids=input_ids, attention_mask=attention_mask, use_cache=False)[0]
            per_token = self.head(hidden)[..., 0].float()
            last = attention_mask.sum(dim=1) - 1
            score = per_token.gather(1, last.unsqueeze(1)).squeeze(1)
            return score, per_token

    return RewardTrace(model).eval()


def eager_scores(model, cases: list[dict], device: str) -> list[float]:
    """transformers' own answer: logits[0][0], one unpadded conversation at a time."""
    import torch

    scores = []
    with torch.inference_mode():
        for case in cases:
            ids = torch.tensor([case["input_ids"]], dtype=torch.long, device=device)
            logits = model(input_ids=ids, attention_mask=torch.ones_like(ids)).logits
            scores.append(float(logits[0][0].float().item()))
    return scores


def padded_batch(cases: list[dict], pad_id: int, device: str):
    import torch

    width = max(len(case["input_ids"]) for case in cases)
    ids = torch.full((len(cases), width), pad_id, dtype=torch.long)
    mask = torch.zeros((len(cases), width), dtype=torch.long)
    for row, case in enumerate(cases):
        n = len(case["input_ids"])
        ids[row, :n] = torch.tensor(case["input_ids"], dtype=torch.long)
        mask[row, :n] = 1
    return ids.to(device), mask.to(device)


def check_trace(trace, cases, reference, target: Target, pad_id: int) -> dict:
    """Runs the trace on batches of 1, 2, 4 and all cases, right-padded, and compares every
    score with eager transformers; also checks that the last per-token entry is the score."""
    import torch

    worst = 0.0
    failures = []
    with torch.inference_mode():
        for batch_size in sorted({1, 2, 4, len(cases)}):
            for start in range(0, len(cases), batch_size):
                chunk = cases[start : start + batch_size]
                ids, mask = padded_batch(chunk, pad_id, target.device)
                score, per_token = trace(ids, mask)
                if score.dtype != torch.float32 or per_token.dtype != torch.float32:
                    raise SystemExit("trace does not return float32; refusing to write it")
                for row, case in enumerate(chunk):
                    expected = reference[start + row]
                    got = float(score[row].item())
                    last = float(per_token[row, len(case["input_ids"]) - 1].item())
                    worst = max(worst, abs(expected - got))
                    if not within(expected, got, target.dtype) or abs(last - got) > 1e-6:
                        failures.append(
                            f"{case['name']} (batch {batch_size}): expected {expected:.6f}, "
                            f"got {got:.6f}, last per-token {last:.6f}"
                        )
    return {"max_abs_diff": worst, "failures": failures}


def export_target(source: Path, out: Path, target: Target, attn_requested: str, cases, pad_id):
    import torch
    from transformers import AutoConfig

    config = AutoConfig.from_pretrained(source)
    attn = attention_for(config, attn_requested)
    log(f"{target.key}: loading with attn_implementation={attn}")
    model = load_model(source, target, attn)
    reference = eager_scores(model, cases, target.device)
    wrapper = make_wrapper(model)
    # All-ones example mask: the trace keeps the masking ops and respects padding at run time
    # (measured: right-padded batches match unpadded scores within 4e-7 in fp32).
    example = max(cases, key=lambda case: len(case["input_ids"]))
    ids, mask = padded_batch([example], pad_id, target.device)
    log(f"{target.key}: tracing on an example of {ids.shape[1]} tokens")
    with torch.no_grad():
        trace = torch.jit.trace(wrapper, (ids, mask), check_trace=False, strict=False)
    trace_path = out / target.file_name
    torch.jit.save(trace, str(trace_path))
    trace = torch.jit.load(str(trace_path), map_location=target.device).eval()
    check = check_trace(trace, cases, reference, target, pad_id)
    if check["failures"]:
        trace_path.unlink()
        raise SystemExit(
            f"{target.key}: the trace disagrees with eager transformers:\n  "
            + "\n  ".join(check["failures"])
        )
    log(f"{target.key}: trace matches eager transformers (max |diff| {check['max_abs_diff']:.2e})")
    del trace, wrapper, model
    gc.collect()
    if target.device == "cuda":
        torch.cuda.empty_cache()
    return {
        "file": target.file_name,
        "device": target.device,
        "dtype": target.dtype,
        "form": "reward",
        "attn_implementation": attn,
        "check_max_abs_diff": check["max_abs_diff"],
    }, reference


def copy_hub_files(source: Path, out: Path, tokenizer) -> None:
    for name in HUB_FILES:
        if (source / name).is_file():
            shutil.copyfile(source / name, out / name)
    if not (out / "tokenizer.json").is_file():
        # Slow-only checkpoints: let transformers write the fast tokenizer file.
        tokenizer.save_pretrained(out / ".tokenizer")
        shutil.copyfile(out / ".tokenizer" / "tokenizer.json", out / "tokenizer.json")
        shutil.rmtree(out / ".tokenizer")


def max_length_of(tokenizer, config) -> int:
    limit = getattr(tokenizer, "model_max_length", None)
    if isinstance(limit, int) and 0 < limit < 10_000_000:
        return limit
    return int(getattr(config, "max_position_embeddings", 4096))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", help="local Hugging Face model folder or Hub id")
    parser.add_argument("out", help="bundle folder to write (must not exist, or use --force)")
    parser.add_argument(
        "--target",
        action="append",
        type=parse_target,
        help="device:dtype of a trace, repeatable (default: cuda:bfloat16 when CUDA is "
        "available, else cpu:float32)",
    )
    parser.add_argument("--attn", default="auto", choices=["auto", "eager", "sdpa"])
    parser.add_argument("--cases", help="JSONL of {name, messages} to use as self-tests")
    parser.add_argument("--name", help="display name (default: the source's last path part)")
    parser.add_argument("--force", action="store_true", help="replace an existing bundle folder")
    args = parser.parse_args(argv)

    import torch
    import transformers
    from transformers import AutoConfig, AutoTokenizer

    targets = args.target or [
        Target("cuda", "bfloat16") if torch.cuda.is_available() else Target("cpu", "float32")
    ]
    if any(t.device == "cuda" for t in targets) and not torch.cuda.is_available():
        raise SystemExit("a cuda target was asked for, but torch sees no CUDA device")
    out = Path(args.out)
    if out.exists():
        if not args.force:
            raise SystemExit(f"{out} exists; pass --force to replace it")
        shutil.rmtree(out)
    out.mkdir(parents=True)

    source = resolve_source(args.source)
    config = AutoConfig.from_pretrained(source)
    tokenizer = AutoTokenizer.from_pretrained(source)
    pad_id = tokenizer.pad_token_id if tokenizer.pad_token_id is not None else 0
    cases = render_cases(tokenizer, load_cases(args.cases))
    copy_hub_files(source, out, tokenizer)

    traces = []
    expected = {case["name"]: {} for case in cases}
    for target in targets:
        trace_info, reference = export_target(source, out, target, args.attn, cases, pad_id)
        traces.append(trace_info)
        for case, score in zip(cases, reference):
            expected[case["name"]][target.key] = score

    files = {
        path.name: sha256_file(path)
        for path in sorted(out.iterdir())
        if path.is_file() and path.name != "bundle.json"
    }
    bundle = {
        "format": BUNDLE_FORMAT,
        "name": args.name or Path(args.source.rstrip("/")).name,
        "source_model": args.source,
        "demo": False,
        "max_length": max_length_of(tokenizer, config),
        "traces": traces,
        "files": files,
        "self_test": [
            {
                "name": case["name"],
                "messages": case["messages"],
                "input_ids": case["input_ids"],
                "expected": expected[case["name"]],
            }
            for case in cases
        ],
        "exporter": {
            "tool": TOOL,
            "torch": torch.__version__,
            "transformers": transformers.__version__,
            "python": sys.version.split()[0],
            "created": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
            "host_gpu": torch.cuda.get_device_name(0) if torch.cuda.is_available() else None,
        },
    }
    (out / "bundle.json").write_text(json.dumps(bundle, indent=2, ensure_ascii=False) + "\n", "utf-8")
    log(f"wrote {out} ({len(traces)} trace(s), {len(cases)} self-test case(s))")
    return 0


if __name__ == "__main__":
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    sys.exit(main())

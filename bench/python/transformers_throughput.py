#!/usr/bin/env python3
"""Baseline for `rewardlens bench-score`: the same measurement with Python transformers.

Times a batch of BATCH random conversations of TOKENS tokens each (forward pass only) and the
batch-1 latency at LATENCY_TOKENS, for the eager transformers model and, when a bundle trace is
given, for that TorchScript file under Python's torch.jit. Prints one JSON object.
"""

import argparse
import json
import statistics
import sys
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


def measure(name, forward, batch, single_ids, repeat):
    """Times forward(ids, mask) on the batch and on one conversation; tokens = real tokens."""
    batch_ids, batch_mask = batch
    with torch.inference_mode():
        batch_ms = timed(lambda: forward(batch_ids, batch_mask), repeat)
        single_ms = timed(lambda: forward(single_ids, torch.ones_like(single_ids)), repeat)
    tokens = int(batch_mask.sum())
    median = statistics.median(batch_ms)
    return {
        "runner": name,
        "batch_tokens": tokens,
        "batch_width": batch_ids.shape[1],
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
    parser.add_argument(
        "--length-jitter",
        type=int,
        default=0,
        help="rows of TOKENS-N..TOKENS real tokens, right-padded (as bench-score does)",
    )
    parser.add_argument(
        "--pad-multiple", type=int, default=1, help="pad the batch width to a multiple of this"
    )
    parser.add_argument(
        "--profile", action="store_true", help="print the trace's top CUDA kernels on the batch"
    )
    parser.add_argument(
        "--no-fuser",
        action="store_true",
        help="switch TorchScript's TensorExpr fuser off (to see what its fused kernels bring)",
    )
    args = parser.parse_args()
    if args.no_fuser:
        torch._C._jit_set_texpr_fuser_enabled(False)

    model = AutoModelForSequenceClassification.from_pretrained(
        args.model, dtype=torch.bfloat16, attn_implementation=args.attn
    ).to("cuda").eval()
    vocab = model.config.vocab_size
    generator = torch.Generator().manual_seed(7)
    width = -(-args.tokens // args.pad_multiple) * args.pad_multiple
    batch_ids = torch.randint(1000, vocab - 1000, (args.batch, width), generator=generator)
    batch_mask = torch.zeros_like(batch_ids)
    for row in range(args.batch):
        jitter = int(torch.randint(0, args.length_jitter + 1, (1,), generator=generator))
        batch_mask[row, : args.tokens - jitter] = 1
    batch_ids = batch_ids * batch_mask  # pad id 0 after each row's end
    single_ids = torch.randint(1000, vocab - 1000, (1, args.latency_tokens), generator=generator)
    batch = (batch_ids.cuda(), batch_mask.cuda())
    single_ids = single_ids.cuda()

    results = [
        measure(
            f"transformers {args.attn}",
            lambda ids, mask: model(input_ids=ids, attention_mask=mask).logits,
            batch,
            single_ids,
            args.repeat,
        )
    ]
    if args.trace:
        trace = torch.jit.load(args.trace, map_location="cuda").eval()
        results.append(
            measure(
                "python torch.jit (same trace)",
                lambda ids, mask: trace(ids, mask),
                batch,
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
    if args.trace and args.profile:
        profile_trace(trace, batch)


def profile_trace(trace, batch) -> None:
    """Prints the CUDA kernels that take the most time in one batch call of the trace."""
    from torch.profiler import ProfilerActivity, profile

    with torch.inference_mode(), profile(activities=[ProfilerActivity.CUDA]) as prof:
        trace(*batch)
        torch.cuda.synchronize()
    table = prof.key_averages().table(sort_by="self_device_time_total", row_limit=8)
    print(table, file=sys.stderr)


if __name__ == "__main__":
    main()

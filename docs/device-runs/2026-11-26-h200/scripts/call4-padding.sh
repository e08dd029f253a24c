#!/usr/bin/env bash
# Device call 4: where the Java batch throughput gap comes from. The same Qwen3-0.6B-shaped bf16
# trace under transformers, Python torch.jit and RewardLens, each with exact 1024-token rows
# (all-ones mask), with 1022..1026-token rows right-padded to 1026 (unaligned), and the same rows
# padded to a multiple of 16 (1040). The Java half failed (the slimmed jar had lost JNA) and ran
# with an experimental --pad-multiple option that was removed afterwards (no gain, see README).
source bench/gpu/kit.sh
kit_log call4
nvidia-smi --query-gpu=name,memory.total,clocks.max.sm --format=csv,noheader
kit_build_jni
step "Qwen3-0.6B-shaped random reward model, exported for cuda:bfloat16"
kit_qwen06
pybench exact1024 --tokens 1024 --profile
pybench jitter1026 --tokens 1026 --length-jitter 4 --profile
pybench jitter1026-pad16 --tokens 1026 --length-jitter 4 --pad-multiple 16 --profile
step "RewardLens"
kit_java
jbench exact1024 --tokens 1024 --pad-multiple 1
jbench jitter1026 --tokens 1026 --length-jitter 4 --pad-multiple 1
jbench jitter1026-pad16 --tokens 1026 --length-jitter 4 --pad-multiple 16
jbench exact1024-default --tokens 1024
step "call 4 done"

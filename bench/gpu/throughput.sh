#!/usr/bin/env bash
# GPU throughput of RewardLens against transformers and Python torch.jit, all three on the same
# Qwen3-0.6B-shaped bf16 trace in one device call: 16 conversations of exactly 1024 tokens, then of
# 1020..1024 tokens (right-padded), and batch-1 latency at 512 tokens. Results in $OUT/*.json.
source bench/gpu/kit.sh
kit_log throughput
nvidia-smi --query-gpu=name,memory.total --format=csv,noheader
kit_build_jni
step "Qwen3-0.6B-shaped random reward model, exported for cuda:bfloat16"
kit_qwen06
kit_java
jbench exact1024 --tokens 1024
pybench exact1024 --tokens 1024
jbench jitter1024 --tokens 1024 --length-jitter 4
pybench jitter1024 --tokens 1024 --length-jitter 4
step "done"

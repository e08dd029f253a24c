#!/usr/bin/env bash
# Device call 6: RewardLens loading its trace as Python does (not under inference mode, parameters
# not frozen: an experimental build, reverted afterwards as it changed nothing) against transformers
# and torch.jit in the same run; and Python loading the trace DJL's default way (jitload.py).
source bench/gpu/kit.sh
kit_log call6
nvidia-smi --query-gpu=name,memory.total,clocks.max.sm --format=csv,noheader
kit_build_jni
step "Qwen3-0.6B-shaped random reward model, exported for cuda:bfloat16"
kit_qwen06
kit_java
jbench exact1024 --tokens 1024 --pad-multiple 1
pybench exact1024 --tokens 1024
step "python: trace loaded three ways"
timeout 60 $PY docs/device-runs/2026-11-26-h200/scripts/jitload.py "$TRACE" 2>&1 | grep -v -i warn
jbench jitter1026-default --tokens 1026 --length-jitter 4
step "call 6 done"

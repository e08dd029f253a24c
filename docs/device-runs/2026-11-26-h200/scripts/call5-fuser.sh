#!/usr/bin/env bash
# Device call 5: RewardLens with exact 1024-token rows, Python torch.jit with and without its
# TensorExpr fuser, and the fuser's log under DJL. (jitter1026-pad16 used the experimental
# --pad-multiple option, removed afterwards.)
source bench/gpu/kit.sh
kit_log call5
nvidia-smi --query-gpu=name,memory.total,clocks.max.sm --format=csv,noheader
kit_build_jni
step "Qwen3-0.6B-shaped random reward model, exported for cuda:bfloat16"
kit_qwen06
pybench exact1024 --tokens 1024 --profile
pybench exact1024-nofuser --tokens 1024 --no-fuser --profile
step "RewardLens"
kit_java
jbench exact1024 --tokens 1024 --pad-multiple 1
jbench jitter1026-pad16 --tokens 1026 --length-jitter 4
step "java: fuser log (exact1024)"
# shellcheck disable=SC2086
PYTORCH_JIT_LOG_LEVEL=">>tensorexpr_fuser" timeout 100 $RL bench-score --model "$W/bundles/qwen06" --device gpu $LIBT \
  --token-budget 32768 --batch 16 --repeat 3 --tokens 1024 --pad-multiple 1 > "$W/java-log.json" 2> "$W/java-log.err"
grep -v INFO "$W/java-log.err" | grep -c .
grep -i -E "nvrtc|fus|cannot|fail|error" "$W/java-log.err" | sort | uniq -c | sort -rn | head -15 | cut -c1-200
grep -o '"batch_ms_median" : [0-9.]*' "$W/java-log.json"
step "call 5 done"

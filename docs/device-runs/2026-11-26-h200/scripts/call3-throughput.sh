#!/usr/bin/env bash
# Device call 3 (fresh machine): GPU throughput of RewardLens (Java, DJL) against transformers on
# a Qwen3-0.6B-shaped reward model with random bf16 weights, both on this GPU in this call. (Then
# bench-score accepted rows of 1024 ± 2 tokens; it now makes them exactly as long as asked.)
source bench/gpu/kit.sh
kit_log call3
kit_build_jni
step "Qwen3-0.6B-shaped random reward model, exported for cuda:bfloat16"
kit_qwen06
cp "$W/bundles/qwen06/bundle.json" "$OUT/qwen06.bundle.json" 2>/dev/null
step "transformers baseline"
timeout 150 $PY bench/python/transformers_throughput.py "$W/qwen06" --trace "$TRACE" --batch 16 --tokens 1024 --repeat 10 > "$OUT/bench-python.json" 2> "$W/bench-python.err"
cat "$OUT/bench-python.json"; grep -v -i warn "$W/bench-python.err" | tail -3
step "RewardLens bench-score"
kit_java
# shellcheck disable=SC2086
timeout 150 $RL bench-score --model "$W/bundles/qwen06" --device gpu $LIBT --token-budget 16384 --batch 16 --tokens 1024 --repeat 10 > "$OUT/bench-java.json" 2> "$W/bench-java.err"
cat "$OUT/bench-java.json"; grep -v INFO "$W/bench-java.err" | tail -4
step "call 3 done"

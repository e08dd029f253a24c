#!/usr/bin/env bash
# Device call 2 (Java side, same warm machine as call 1): RewardLens loads the exported bundles
# with the JNI built in call 1 against this torch, scores the golden cases on the GPU, and runs
# bench-score on the Qwen3-0.6B-shaped bundle.
source bench/gpu/kit.sh
kit_log call2
[ -d "$W/bundles" ] || { echo "no /tmp/rl from call 1: the machine is a fresh one"; exit 9; }
TRACE="$W/bundles/qwen06/reward.cuda-bfloat16.torchscript.pt"
kit_java

step "golden cases on the GPU through the exported cuda/bfloat16 traces"
for m in tiny-llama3 tiny-gemma2 tiny-qwen3; do
  timeout 90 $RL score-file --model $W/bundles/$m --device gpu $LIBT --per-token --out $OUT/$m.gpu.jsonl $W/$m-cases.jsonl 2>&1 | grep -v "INFO" | tail -6
  $PY - "$m" "$OUT/$m.gpu.jsonl" "$W/$m-golden.json" <<'PYEOF'
import json, sys
m, out, g = sys.argv[1], sys.argv[2], json.load(open(sys.argv[3]))
try:
    lines = [json.loads(l) for l in open(out)]
except FileNotFoundError:
    print(m, "no output"); sys.exit()
worst = 0
for name, line in zip(g["cases"], lines):
    if "error" in line:
        print(m, name, "error:", line["error"]); continue
    ref = g["score_bf16_cuda_eager"][name]; d = abs(line["score"] - ref); worst = max(worst, d)
    print(f"{m} {name}: java gpu bf16 {line['score']:.5f} | transformers bf16 eager {ref:.5f} sdpa {g['score_bf16_cuda_sdpa'][name]:.5f} | fp32 {g['cases'][name]['score_fp32']:.5f}")
print(m, "max |java gpu - transformers bf16 eager|", worst)
PYEOF
done

step "the same libtorch on the CPU: the exported float32 trace against the fp32 goldens"
timeout 60 $RL score-file --model $W/bundles/tiny-gemma2 --device cpu $LIBT --out $OUT/tiny-gemma2.cpu.jsonl $W/tiny-gemma2-cases.jsonl 2>&1 | grep -v INFO | tail -3

step "bench-score: Qwen3-0.6B shape, bf16, 16 x 1024 tokens and batch-1 latency"
timeout 150 $RL bench-score --model $W/bundles/qwen06 --device gpu $LIBT --token-budget 16384 --batch 16 --tokens 1024 --repeat 10 > "$OUT/bench-java.json" 2> "$W/bench-java.err"; cat "$OUT/bench-java.json"; grep -v INFO "$W/bench-java.err" | tail -4
step "call 2 done"

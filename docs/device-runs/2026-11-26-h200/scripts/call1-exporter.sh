#!/usr/bin/env bash
# Device call 1 (Python side; leaves its results in /tmp/rl for call 2 on the same warm machine):
# the exporter on the three fixtures (cpu:float32 + cuda:bfloat16), a DJL JNI built against this
# machine's torch, a Qwen3-0.6B-shaped random reward model exported for CUDA, the transformers
# throughput baseline, and a pyarrow-written Hub-layout Parquet file.
source bench/gpu/kit.sh
kit_log call1
mkdir -p "$OUT/b"
step "environment"
nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader
$PY -c "import torch, transformers; print('torch', torch.__version__, 'cuda', torch.version.cuda, torch.cuda.is_available(), 'transformers', transformers.__version__)"
echo "$TORCH_DIR" > "$W/torch_dir"
kit_build_jni

step "exporter on the three fixtures"
for m in tiny-llama3 tiny-gemma2 tiny-qwen3; do
  src="$W/src/$m"; mkdir -p "$src"
  cp "$KIT/fx/$m/config.json" "$KIT/fx/$m/model.safetensors" "$KIT/fx/$m/tokenizer_config.json" "$src/"
  gunzip -c "$KIT/fx/$m/tokenizer.json.gz" > "$src/tokenizer.json"
  cp "$KIT/fx/$m/golden.json" "$W/$m-golden.json"
  $PY - "$W/$m-golden.json" > "$W/$m-cases.jsonl" <<'PYEOF'
import json, sys
for name, case in json.load(open(sys.argv[1]))["cases"].items():
    print(json.dumps({"name": name, "messages": case["messages"]}, ensure_ascii=False))
PYEOF
  timeout 200 $PY exporter/rewardlens_export.py "$src" "$W/bundles/$m" --cases "$W/$m-cases.jsonl" \
    --target cpu:float32 --target cuda:bfloat16 --name "$m" 2>&1 | grep -v -i warn | tail -12
  cp "$W/bundles/$m/bundle.json" "$OUT/b/$m.bundle.json" 2>/dev/null
  $PY - "$m" "$W/bundles/$m/bundle.json" "$W/$m-golden.json" <<'PYEOF'
import json, sys
m, b, g = sys.argv[1], json.load(open(sys.argv[2])), json.load(open(sys.argv[3]))
for case in b["self_test"]:
    e, gc = case["expected"], g["cases"][case["name"]]
    assert case["input_ids"] == gc["input_ids"], (m, case["name"], "ids differ from golden")
    print(f"{m} {case['name']}: exporter cpu/fp32 {e['cpu/float32']:.6f} golden {gc['score_fp32']:.6f} | cuda/bf16 {e['cuda/bfloat16']:.5f} golden eager {g['score_bf16_cuda_eager'][case['name']]:.5f} sdpa {g['score_bf16_cuda_sdpa'][case['name']]:.5f}")
print(m, "traces", [(t["file"], t["attn_implementation"], round(t["check_max_abs_diff"], 8)) for t in b["traces"]])
PYEOF
done
tar czf "$OUT/b/cpu-traces.tgz" -C "$W/bundles" --exclude='*cuda*' tiny-llama3 tiny-gemma2 tiny-qwen3 2>/dev/null; ls -la "$OUT/b"

step "Qwen3-0.6B-shaped random reward model, exported for cuda:bfloat16"
kit_qwen06
cp "$W/bundles/qwen06/bundle.json" "$OUT/b/qwen06.bundle.json" 2>/dev/null

step "transformers throughput baseline (same shapes as bench-score)"
timeout 150 $PY bench/python/transformers_throughput.py "$W/qwen06" --trace "$TRACE" --batch 16 --tokens 1024 --repeat 10 > "$OUT/b/bench-python.json" 2> "$W/bench-python.err"; cat "$OUT/b/bench-python.json"; grep -v -i warn "$W/bench-python.err" | tail -3

step "Hub-layout Parquet written by pyarrow"
$PY - "$OUT/b/hub-layout.parquet" <<'PYEOF' 2>&1 | tail -12
import sys, pyarrow as pa, pyarrow.parquet as pq
rows = [
  {"chosen": [{"content": "Hi 👋 ¿qué tal?", "role": "user"}, {"content": "Bien, 谢谢.", "role": "assistant"}],
   "rejected": [{"content": "Hi 👋 ¿qué tal?", "role": "user"}, {"content": "", "role": "assistant"}], "source": "magpie_ultra"},
  {"chosen": [{"content": "sys", "role": "system"}, {"content": "2+2?", "role": "user"}, {"content": "4", "role": "assistant"}],
   "rejected": [{"content": "sys", "role": "system"}, {"content": "2+2?", "role": "user"}, {"content": "5", "role": "assistant"}], "source": "offsetbias"},
]
pq.write_table(pa.Table.from_pylist(rows), sys.argv[1])
print(pq.read_schema(sys.argv[1]))
PYEOF

step "wait for the JNI"
wait $JNI_PID; tail -4 "$W/jni-build.log"
step "call 1 done"

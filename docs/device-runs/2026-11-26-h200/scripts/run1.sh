#!/usr/bin/env bash
# Device call 1 (Python side; leaves its results in /tmp/rl for call 2 on the same warm machine):
# the exporter on the three fixtures (cpu:float32 + cuda:bfloat16), a DJL JNI built against this
# machine's torch, a Qwen3-0.6B-shaped random reward model exported for CUDA, the transformers
# throughput baseline, and a pyarrow-written Hub-layout Parquet file.
set -u
OUT=${OUT:?}; KIT=$(pwd)/.device; W=/tmp/rl; FX=$KIT/fx
mkdir -p "$W/jni" "$OUT/b"
exec > >(tee -a "$OUT/call1.log") 2>&1
step() { echo; echo "=== $(date +%T) $*"; }
PY=python3; export PYTHONUNBUFFERED=1 TOKENIZERS_PARALLELISM=false

step "environment"
nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader
$PY -c "import torch, transformers; print('torch', torch.__version__, 'cuda', torch.version.cuda, torch.cuda.is_available(), 'transformers', transformers.__version__, 'cxx11abi', torch._C._GLIBCXX_USE_CXX11_ABI)"
nproc; g++ --version | head -1
TORCH_DIR=$($PY -c "import torch, os; print(os.path.dirname(torch.__file__))")
ABI=$($PY -c "import torch; print(int(torch._C._GLIBCXX_USE_CXX11_ABI))")
echo "$TORCH_DIR" > "$W/torch_dir"

step "DJL JNI build in the background (headers from here; no USE_CUDA: CUDA ops come from libtorch_cuda)"
NAT="$KIT/djl/engines/pytorch/pytorch-native"
( cd "$NAT/src/main/native" && ls *.cc | xargs -P 12 -I{} g++ -O2 -fPIC -std=c++17 -w -D_GLIBCXX_USE_CXX11_ABI=$ABI \
    -I"$NAT/build/include" -I"$KIT/djl/api/src/main/native" -I"$KIT/djl/jni" -I"$KIT/djl/jni/linux" \
    -I"$TORCH_DIR/include" -I"$TORCH_DIR/include/torch/csrc/api/include" -c {} -o "$W/jni/{}.o" \
  && g++ -shared -o "$W/jni/libdjl_torch.so" "$W"/jni/*.o -L"$TORCH_DIR/lib" -ltorch -ltorch_cpu -lc10 -Wl,-rpath,"$TORCH_DIR/lib" \
  && echo "JNI built: $(ls -la $W/jni/libdjl_torch.so)" ) > "$W/jni-build.log" 2>&1 &
JNI_PID=$!

step "exporter on the three fixtures"
for m in tiny-llama3 tiny-gemma2 tiny-qwen3; do
  src="$W/src/$m"; mkdir -p "$src"
  cp "$FX/$m/config.json" "$FX/$m/model.safetensors" "$FX/$m/tokenizer_config.json" "$src/"
  gunzip -c "$FX/$m/tokenizer.json.gz" > "$src/tokenizer.json"
  cp "$FX/$m/golden.json" "$W/$m-golden.json"
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
timeout 120 $PY bench/python/make_random_reward_model.py "$W/src/tiny-qwen3" "$W/qwen06" 2>&1 | grep -v -i warn | tail -2
timeout 200 $PY exporter/rewardlens_export.py "$W/qwen06" "$W/bundles/qwen06" --target cuda:bfloat16 --name qwen3-0.6b-shape 2>&1 | grep -v -i warn | tail -4
cp "$W/bundles/qwen06/bundle.json" "$OUT/b/qwen06.bundle.json" 2>/dev/null

step "transformers throughput baseline (same shapes as bench-score)"
timeout 150 $PY bench/python/transformers_throughput.py "$W/qwen06" --trace "$W/bundles/qwen06/reward.cuda-bfloat16.torchscript.pt" --batch 16 --tokens 1024 --repeat 10 > "$OUT/b/bench-python.json" 2> "$W/bench-python.err"; cat "$OUT/b/bench-python.json"; grep -v -i warn "$W/bench-python.err" | tail -3

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

#!/usr/bin/env bash
# Device call 5: RewardLens (DJL) throughput variants, and Python torch.jit without its fuser.
# trace under transformers, Python torch.jit and RewardLens (DJL), each with exact 1024-token rows
# (all-ones mask), with 1022..1026-token rows right-padded to 1026 (unaligned), and the same rows
# padded to a multiple of 16 (1040).
set -u
OUT=${OUT:?}; KIT=$(pwd)/.device; W=/tmp/rl; FX=$KIT/fxq
mkdir -p "$W/jni"
exec > >(tee -a "$OUT/call5.log") 2>&1
step() { echo; echo "=== $(date +%T) $*"; }
PY=python3; export PYTHONUNBUFFERED=1 TOKENIZERS_PARALLELISM=false
TORCH_DIR=$($PY -c "import torch, os; print(os.path.dirname(torch.__file__))")
ABI=$($PY -c "import torch; print(int(torch._C._GLIBCXX_USE_CXX11_ABI))")
TV=$($PY -c "import torch; print(torch.__version__.split('+')[0])")
TF=$($PY -c "import torch; v=torch.version.cuda; print('cu'+v.replace('.','') if v else 'cpu')")
NAT="$KIT/djl/engines/pytorch/pytorch-native"
( cd "$NAT/src/main/native" && ls *.cc | xargs -P 14 -I{} g++ -O2 -fPIC -std=c++17 -w -D_GLIBCXX_USE_CXX11_ABI=$ABI \
    -I"$NAT/build/include" -I"$KIT/djl/api/src/main/native" -I"$KIT/djl/jni" -I"$KIT/djl/jni/linux" \
    -I"$TORCH_DIR/include" -I"$TORCH_DIR/include/torch/csrc/api/include" -c {} -o "$W/jni/{}.o" \
  && g++ -shared -o "$W/jni/libdjl_torch.so" "$W"/jni/*.o -L"$TORCH_DIR/lib" -ltorch -ltorch_cpu -lc10 -Wl,-rpath,"$TORCH_DIR/lib" ) > "$W/jni-build.log" 2>&1 &
JNI_PID=$!
tar xJf "$KIT/jre.txz" -C "$W"; JAVA="$W/jre2/bin/java"
nvidia-smi --query-gpu=name,memory.total,clocks.max.sm --format=csv,noheader

step "Qwen3-0.6B-shaped random reward model, exported for cuda:bfloat16"
mkdir -p "$W/src/tiny-qwen3"; cp "$FX/tiny-qwen3/config.json" "$FX/tiny-qwen3/tokenizer_config.json" "$W/src/tiny-qwen3/"
gunzip -c "$FX/tiny-qwen3/tokenizer.json.gz" > "$W/src/tiny-qwen3/tokenizer.json"
rm -rf "$W/qwen06"; timeout 150 $PY bench/python/make_random_reward_model.py "$W/src/tiny-qwen3" "$W/qwen06" 2>&1 | grep -v -i warn | tail -2
timeout 200 $PY exporter/rewardlens_export.py "$W/qwen06" "$W/bundles/qwen06" --target cuda:bfloat16 --name qwen3-0.6b-shape --force 2>&1 | grep -v -i warn | tail -2
TRACE="$W/bundles/qwen06/reward.cuda-bfloat16.torchscript.pt"

pybench() { # name, extra args
  step "python: $1"
  timeout 120 $PY bench/python/transformers_throughput.py "$W/qwen06" --trace "$TRACE" --batch 16 --repeat 10 --profile "${@:2}" \
    > "$OUT/py-$1.json" 2> "$W/py-$1.err"; cat "$OUT/py-$1.json"; grep -v -i warn "$W/py-$1.err" | cut -c1-160 | tail -14
}
pybench exact1024 --tokens 1024
pybench exact1024-nofuser --tokens 1024 --no-fuser

step "RewardLens"
wait $JNI_PID; tail -2 "$W/jni-build.log"
LIB="$W/libtorch"; mkdir -p "$LIB" "$W/cudart"
for f in "$TORCH_DIR"/lib/*.so*; do case "$(basename "$f")" in *python*|*shm*) ;; *) ln -sf "$f" "$LIB/";; esac; done
cp "$W/jni/libdjl_torch.so" "$LIB/"
NV=$($PY -c "import nvidia; print(list(nvidia.__path__)[0])" 2>/dev/null)
CUDART=$(ls "$NV"/cuda_runtime/lib/libcudart.so* "$NV"/cu*/lib/libcudart.so* 2>/dev/null | head -1); ln -sf "$CUDART" "$W/cudart/libcudart.so"
export LD_LIBRARY_PATH="$W/cudart:$TORCH_DIR/lib:$(ls -d "$NV"/*/lib 2>/dev/null | tr '\n' ':')${LD_LIBRARY_PATH:-}"
jbench() { # name, extra args
  step "java: $1"
  timeout 100 "$JAVA" -Dai.djl.offline=true -Xmx8g -cp "$KIT/rl.jar" io.rewardlens.app.RewardLensMain bench-score \
    --model "$W/bundles/qwen06" --device gpu --libtorch "$LIB" --libtorch-version "$TV" --libtorch-flavor "$TF" \
    --token-budget 32768 --batch 16 --repeat 10 "${@:2}" > "$OUT/java-$1.json" 2> "$W/java-$1.err"
  cat "$OUT/java-$1.json"; grep -v INFO "$W/java-$1.err" | tail -3
}
jbench exact1024 --tokens 1024 --pad-multiple 1
jbench jitter1026-pad16 --tokens 1026 --length-jitter 4
step "java: fuser log (exact1024)"
PYTORCH_JIT_LOG_LEVEL=">>tensorexpr_fuser" timeout 100 "$JAVA" -Dai.djl.offline=true -Xmx8g -cp "$KIT/rl.jar" io.rewardlens.app.RewardLensMain bench-score \
    --model "$W/bundles/qwen06" --device gpu --libtorch "$LIB" --libtorch-version "$TV" --libtorch-flavor "$TF" \
    --token-budget 32768 --batch 16 --repeat 3 --tokens 1024 --pad-multiple 1 > "$W/java-log.json" 2> "$W/java-log.err"
grep -v INFO "$W/java-log.err" | grep -c . ; grep -i -E "nvrtc|fus|cannot|fail|error" "$W/java-log.err" | sort | uniq -c | sort -rn | head -15 | cut -c1-200
grep -o '"batch_ms_median" : [0-9.]*' "$W/java-log.json"
step "call 5 done"

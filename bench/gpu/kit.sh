# Shared steps of the scripts that run on a lent GPU machine (sourced, from the repository root).
# The kit itself (a jlink'd JRE, the slimmed jar, DJL's JNI sources, fixture copies) is made here by
# bench/gpu/make-kit.sh into the git-ignored .device/ folder, which each call carries along.
set -u
OUT=${OUT:?the device tool sets OUT}
KIT=$(pwd)/.device
W=/tmp/rl
PY=python3
export PYTHONUNBUFFERED=1 TOKENIZERS_PARALLELISM=false
mkdir -p "$W/jni"

# Everything the script prints also goes to $OUT/NAME.log.
kit_log() { exec > >(tee -a "$OUT/$1.log") 2>&1; }

step() { echo; echo "=== $(date +%T) $*"; }

# This machine's torch: where it is, its C++ ABI, version and CUDA flavor.
TORCH_DIR=$($PY -c "import torch, os; print(os.path.dirname(torch.__file__))")
ABI=$($PY -c "import torch; print(int(torch._C._GLIBCXX_USE_CXX11_ABI))")
TV=$($PY -c "import torch; print(torch.__version__.split('+')[0])")
TF=$($PY -c "import torch; v=torch.version.cuda; print('cu'+v.replace('.','') if v else 'cpu')")

# Compiles DJL's JNI against this torch in the background (DJL's shipped JNI does not load against
# it); no USE_CUDA: the CUDA operators come from libtorch_cuda. Sets JNI_PID.
kit_build_jni() {
  local nat="$KIT/djl/engines/pytorch/pytorch-native"
  ( cd "$nat/src/main/native" && ls *.cc | xargs -P 14 -I{} g++ -O2 -fPIC -std=c++17 -w -D_GLIBCXX_USE_CXX11_ABI=$ABI \
      -I"$nat/build/include" -I"$KIT/djl/api/src/main/native" -I"$KIT/djl/jni" -I"$KIT/djl/jni/linux" \
      -I"$TORCH_DIR/include" -I"$TORCH_DIR/include/torch/csrc/api/include" -c {} -o "$W/jni/{}.o" \
    && g++ -shared -o "$W/jni/libdjl_torch.so" "$W"/jni/*.o -L"$TORCH_DIR/lib" -ltorch -ltorch_cpu -lc10 \
         -Wl,-rpath,"$TORCH_DIR/lib" \
    && echo "JNI built: $(ls -la "$W/jni/libdjl_torch.so")" ) > "$W/jni-build.log" 2>&1 &
  JNI_PID=$!
}

# A Qwen3-0.6B-shaped reward model with random weights (tokenizer of the tiny-qwen3 fixture),
# exported for cuda:bfloat16 into $W/bundles/qwen06. Sets TRACE.
kit_qwen06() {
  mkdir -p "$W/src/tiny-qwen3"
  cp "$KIT/fxq/tiny-qwen3/config.json" "$KIT/fxq/tiny-qwen3/tokenizer_config.json" "$W/src/tiny-qwen3/"
  gunzip -c "$KIT/fxq/tiny-qwen3/tokenizer.json.gz" > "$W/src/tiny-qwen3/tokenizer.json"
  rm -rf "$W/qwen06"
  timeout 150 $PY bench/python/make_random_reward_model.py "$W/src/tiny-qwen3" "$W/qwen06" 2>&1 | grep -v -i warn | tail -2
  timeout 200 $PY exporter/rewardlens_export.py "$W/qwen06" "$W/bundles/qwen06" --target cuda:bfloat16 \
    --name qwen3-0.6b-shape --force 2>&1 | grep -v -i warn | tail -2
  TRACE="$W/bundles/qwen06/reward.cuda-bfloat16.torchscript.pt"
}

# Waits for the JNI (when this call builds it), unpacks the JRE and makes $RL (the rewardlens CLI) and $LIBT (its options for
# this machine's libtorch, with CUDA) ready.
kit_java() {
  if [ -n "${JNI_PID:-}" ]; then wait "$JNI_PID"; fi
  tail -1 "$W/jni-build.log"
  tar xJf "$KIT/jre.txz" -C "$W"
  local lib="$W/libtorch" nv cudart
  mkdir -p "$lib" "$W/cudart"
  for f in "$TORCH_DIR"/lib/*.so*; do
    case "$(basename "$f")" in *python*|*shm*) ;; *) ln -sf "$f" "$lib/";; esac
  done
  cp "$W/jni/libdjl_torch.so" "$lib/"
  nv=$($PY -c "import nvidia; print(list(nvidia.__path__)[0])" 2>/dev/null)
  cudart=$(ls "$nv"/cuda_runtime/lib/libcudart.so* "$nv"/cu*/lib/libcudart.so* 2>/dev/null | head -1)
  [ -n "$cudart" ] && ln -sf "$cudart" "$W/cudart/libcudart.so"
  export LD_LIBRARY_PATH="$W/cudart:$TORCH_DIR/lib:$(ls -d "$nv"/*/lib 2>/dev/null | tr '\n' ':')${LD_LIBRARY_PATH:-}"
  printf '#!/bin/sh\nexec %s -Dai.djl.offline=true -Xmx8g -cp %s/rl.jar io.rewardlens.app.RewardLensMain "$@"\n' \
    "$W/jre2/bin/java" "$KIT" > "$W/rl"
  chmod +x "$W/rl"
  RL="$W/rl"
  LIBT="--libtorch $lib --libtorch-version $TV --libtorch-flavor $TF"
}

# pybench NAME ARGS…: transformers and torch.jit on the qwen06 trace → $OUT/py-NAME.json.
pybench() {
  step "python: $1"
  timeout 120 $PY bench/python/transformers_throughput.py "$W/qwen06" --trace "$TRACE" --batch 16 \
    --repeat 10 "${@:2}" > "$OUT/py-$1.json" 2> "$W/py-$1.err"
  cat "$OUT/py-$1.json"; grep -v -i warn "$W/py-$1.err" | cut -c1-160 | tail -14
}

# jbench NAME ARGS…: RewardLens bench-score on the qwen06 bundle → $OUT/java-NAME.json.
jbench() {
  step "java: $1"
  # shellcheck disable=SC2086
  timeout 100 $RL bench-score --model "$W/bundles/qwen06" --device gpu $LIBT --token-budget 32768 \
    --batch 16 --repeat 10 "${@:2}" > "$OUT/java-$1.json" 2> "$W/java-$1.err"
  cat "$OUT/java-$1.json"; grep -v INFO "$W/java-$1.err" | tail -3
}

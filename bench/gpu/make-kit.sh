#!/usr/bin/env bash
# Makes, on this machine, the kit the GPU scripts carry to a lent GPU machine (which has Python,
# torch and transformers but no Java): .device/ (git-ignored) with a jlink'd JRE, the RewardLens jar
# without what a headless GPU run never loads, DJL's JNI sources with their headers (compiled there
# against that machine's torch by kit.sh), and copies of the fixture models.
#   bench/gpu/make-kit.sh DJL_SOURCES    (a checkout of deepjavalibrary/djl at tag v0.36.0)
# Then, with the device tool: move fixtures/ out of the tree for the call (the tree travels whole
# and may hold 64 MiB with the carried paths), run e.g. `bash bench/gpu/throughput.sh` carrying
# .device/jre.txz .device/rl.jar .device/djl .device/fxq (and .device/fx for the fixture calls).
set -euo pipefail
DJL=${1:?usage: bench/gpu/make-kit.sh DJL_SOURCES}
K=.device
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
rm -rf "$K" && mkdir -p "$K"

./mvnw -B -q -DskipTests package

# A Java 17 runtime with the modules the CLI needs (jdeps on the jar, plus jdk.unsupported for DJL).
jlink --add-modules java.base,java.datatransfer,java.xml,java.prefs,java.desktop,java.logging,java.management,java.security.sasl,java.naming,java.transaction.xa,java.sql,jdk.unsupported \
  --strip-debug --no-man-pages --no-header-files --compress=2 --output "$TMP/jre2"
tar cJf "$K/jre.txz" -C "$TMP" jre2

# The jar without JavaFX, the CPU libtorch, DJL's prebuilt JNI and other platforms' natives.
cp app/target/rewardlens.jar "$K/rl.jar"
zip -q -d "$K/rl.jar" 'pytorch/*' 'jnilib/*' 'javafx/*' 'com/sun/glass/*' 'com/sun/javafx/*' \
  'com/sun/marlin/*' 'com/sun/openpisces/*' 'com/sun/pisces/*' 'com/sun/prism/*' 'com/sun/scenario/*' \
  'org/jfree/*' 'org/locationtech/*' 'atlantafx/*' 'shaded/parquet/*' 'org/apache/hadoop/*' \
  'io/rewardlens/sampledata/*' '*.dll' '*.dylib' 'native/lib/linux-aarch64/*' 'native/lib/win*' \
  'native/lib/osx*' 'aix/*' 'darwin/*' 'win/*' 'freebsd/*' 'linux/aarch64/*' 'linux/arm*' 'linux/ppc64*' \
  'linux/s390x/*' 'linux/riscv64/*' 'linux/loongarch64/*' 'linux/i386/*' 'linux/mips64/*' \
  'org/sqlite/native/Windows/*' 'org/sqlite/native/Mac/*' 'org/sqlite/native/FreeBSD/*' \
  'org/sqlite/native/Linux-Android/*' 'org/sqlite/native/Linux-Musl/*' 'org/sqlite/native/Linux/[!x]*' \
  'org/sqlite/native/Linux/x86/*' 'org/xerial/snappy/native/[!L]*' 'org/xerial/snappy/native/Linux/[!x]*' \
  'org/xerial/snappy/native/Linux/x86/*'
unzip -l "$K/rl.jar" 'com/sun/jna/linux-x86-64/*' > /dev/null # DJL finds the GPU through JNA

# DJL's JNI sources, its JNI header (javac -h on PyTorchLibrary) and the JDK's JNI headers.
NATIVE="$K/djl/engines/pytorch/pytorch-native"
mkdir -p "$NATIVE/src/main" "$NATIVE/build/include" "$K/djl/api/src/main/native" "$K/djl/jni"
cp -r "$DJL/engines/pytorch/pytorch-native/src/main/native" "$NATIVE/src/main/"
cp -r "$DJL/api/src/main/native/djl" "$K/djl/api/src/main/native/"
JDK_HOME=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
cp -r "$JDK_HOME/include/." "$K/djl/jni/"
M2=${MAVEN_REPOSITORY:-$HOME/.m2/repository}
javac -h "$NATIVE/build/include" -d "$TMP/classes" \
  -cp "$M2/ai/djl/api/0.36.0/api-0.36.0.jar:$M2/ai/djl/pytorch/pytorch-engine/0.36.0/pytorch-engine-0.36.0.jar" \
  "$DJL/engines/pytorch/pytorch-engine/src/main/java/ai/djl/pytorch/jni/PyTorchLibrary.java"

# The fixture models: whole for the exporter calls, tiny-qwen3's tokenizer for the random model.
for m in tiny-llama3 tiny-gemma2 tiny-qwen3; do
  mkdir -p "$K/fx/$m"
  cp "fixtures/$m/"{config.json,golden.json,model.safetensors,tokenizer.json.gz,tokenizer_config.json} "$K/fx/$m/"
done
mkdir -p "$K/fxq/tiny-qwen3"
cp fixtures/tiny-qwen3/{config.json,tokenizer.json.gz,tokenizer_config.json} "$K/fxq/tiny-qwen3/"
du -sh "$K"/*

#!/usr/bin/env bash
# Builds a self-contained bundle for scripts/gpu-check.sh: a jlinked Java runtime, the Kiln jars
# (core, conformance kit, tensor-gpu-opencl and its tests), their dependencies and the JUnit
# console launcher. Copy the resulting .tar.gz to a Linux machine with an NVIDIA/AMD/Intel OpenCL
# driver and run ./gpu-check.sh there; it needs no network and no installed Java.
#   scripts/gpu-bundle.sh            -> target/kiln-gpu-bundle/ and target/kiln-gpu-bundle.tar.gz (< 60 MB)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
LIMIT_MB=60

java_major() { "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'; }
if [ -z "${JAVA_HOME:-}" ] || [ "$(java_major "$JAVA_HOME/bin/java" 2>/dev/null || echo 0)" -lt 25 ] 2>/dev/null; then
  for candidate in /usr/lib/jvm/temurin-25* /usr/lib/jvm/*25* /usr/lib/jvm/*; do
    if [ -x "$candidate/bin/jlink" ] && [ "$(java_major "$candidate/bin/java")" -ge 25 ] 2>/dev/null; then
      export JAVA_HOME="$candidate"; break
    fi
  done
fi
[ -x "${JAVA_HOME:-}/bin/jlink" ] || { echo "gpu-bundle: needs a JDK 25 with jlink (set JAVA_HOME)" >&2; exit 1; }

OUT="$ROOT/target/kiln-gpu-bundle"
rm -rf "$OUT"
mkdir -p "$OUT/lib" "$OUT/tools"

echo "gpu-bundle: building core, conformance, tensor-gpu-opencl (tests compiled, not run)"
# one reactor build, so the Kiln jars come from this checkout and never from ~/.m2
./mvnw -q -B package dependency:copy-dependencies -pl tensor-gpu-opencl -am -DskipTests \
  -DincludeScope=test -DoutputDirectory="$OUT/lib" \
  -DexcludeGroupIds=dev.kiln,org.junit.jupiter,org.junit.platform,org.opentest4j,org.apiguardian \
  -DexcludeArtifactIds=byte-buddy # 9 MB, only for AssertJ's soft assertions/proxies, which the tests do not use
cp core/target/kiln-core-*.jar conformance/target/kiln-conformance-*.jar \
   tensor-gpu-opencl/target/kiln-tensor-gpu-opencl-*.jar "$OUT/lib/"
"$JAVA_HOME/bin/jar" --create --file "$OUT/lib/kiln-tensor-gpu-opencl-tests.jar" \
  -C tensor-gpu-opencl/target/test-classes .

# JUnit console launcher matching the build's JUnit (5.x.y <-> platform 1.x.y)
JUNIT="$(sed -n 's:.*<junit.version>\(.*\)</junit.version>.*:\1:p' pom.xml)"
./mvnw -q -B dependency:copy -Dartifact="org.junit.platform:junit-platform-console-standalone:1.${JUNIT#5.}" \
  -DoutputDirectory="$OUT/tools"
mv "$OUT"/tools/junit-platform-console-standalone-*.jar "$OUT/tools/junit-platform-console-standalone.jar"

echo "gpu-bundle: jlink"
# jdeps also names java.desktop (java.beans, an optional Jackson path) and java.instrument (JUnit's
# optional agent support): 15 MB that these tests never load, so the list is fixed here.
MODULES="java.base,java.logging,java.management,java.sql,jdk.unsupported"
"$JAVA_HOME/bin/jlink" --add-modules "$MODULES" --strip-debug --no-man-pages --no-header-files \
  --compress=zip-9 --output "$OUT/runtime" 2>&1 | grep -v "incubator modules" || true
[ -x "$OUT/runtime/bin/java" ] || { echo "gpu-bundle: jlink failed" >&2; exit 1; }

# The OpenCL ICD loader (libOpenCL.so.1, from Debian's ocl-icd-libopencl1) travels too: GPU
# containers often mount only the vendor driver (e.g. libnvidia-opencl.so.1) with no loader and
# no /etc/OpenCL/vendors entry; gpu-check.sh falls back to this copy and names the driver itself.
mkdir -p "$OUT/native"
ICD="$(ldconfig -p 2>/dev/null | sed -n 's:.*libOpenCL.so.1 (libc6,x86-64) => \(.*\):\1:p' | head -1)"
if [ -n "$ICD" ] && [ -r "$ICD" ]; then
  cp -L "$ICD" "$OUT/native/libOpenCL.so.1"
  cp -L "$ICD" "$OUT/native/libOpenCL.so"
else
  echo "gpu-bundle: no libOpenCL.so.1 here (apt-get install ocl-icd-libopencl1); the bundle will rely on the target's" >&2
fi

cp scripts/gpu-check.sh "$OUT/gpu-check.sh"
chmod +x "$OUT/gpu-check.sh"
git rev-parse HEAD > "$OUT/COMMIT" 2>/dev/null || true
echo "modules: $MODULES" > "$OUT/runtime/KILN-MODULES"

tar -C "$ROOT/target" -czf "$ROOT/target/kiln-gpu-bundle.tar.gz" kiln-gpu-bundle
DIR_MB=$(du -sm "$OUT" | cut -f1)
TAR_MB=$(( $(stat -c %s "$ROOT/target/kiln-gpu-bundle.tar.gz") / 1048576 ))
echo "gpu-bundle: $OUT (${DIR_MB} MB unpacked), target/kiln-gpu-bundle.tar.gz (${TAR_MB} MB)"
if [ "$DIR_MB" -ge "$LIMIT_MB" ]; then
  echo "gpu-bundle: the bundle is ${DIR_MB} MB, over the ${LIMIT_MB} MB budget" >&2
  exit 1
fi

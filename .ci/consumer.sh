#!/usr/bin/env bash
# Builds examples/consumer (a user's own Maven project) against the artifacts `./mvnw install`
# just put in ~/.m2, trains it for one short epoch, then checks that a shaded jar built without
# merging META-INF/services makes Kiln print its fallback notice instead of running slowly in silence.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../examples/consumer"
mvn=../../mvnw
java="$JAVA_HOME/bin/java"
flags=(--add-modules jdk.incubator.vector)

"$mvn" -B -ntp -q clean package
set +e
"$java" "${flags[@]}" -jar target/kiln-consumer-1.0.jar 2> target/stderr.txt | tee target/stdout.txt
rc=${PIPESTATUS[0]}
set -e
if [ "$rc" -eq 3 ]; then
  echo "ci: consumer skipped: $(cat target/stderr.txt)"   # MNIST could not be fetched (.ci/setup.d/data.sh)
  exit 0
fi
[ "$rc" -eq 0 ] || { cat target/stderr.txt >&2; echo "ci: consumer failed (exit $rc)" >&2; exit 1; }
grep -q '^backend cpu: one epoch' target/stdout.txt || { echo "ci: consumer did not train on the cpu backend" >&2; exit 1; }
if grep -q 'falling back' target/stderr.txt; then echo "ci: unexpected fallback notice" >&2; exit 1; fi

"$mvn" -B -ntp -q clean package -Pno-services-merge
"$java" "${flags[@]}" -jar target/kiln-consumer-1.0.jar 2000 2> target/stderr.txt | tee target/stdout.txt
grep -q "falling back to the 'reference' backend" target/stderr.txt \
  && grep -q 'ServicesResourceTransformer' target/stderr.txt \
  || { cat target/stderr.txt >&2; echo "ci: a jar without the services merge did not print the fallback notice" >&2; exit 1; }
echo "ci: consumer project OK (trains on cpu; the unmerged shaded jar prints the fallback notice)"

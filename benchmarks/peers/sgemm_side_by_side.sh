#!/usr/bin/env bash
# Runs ./kiln bench sgemm and the numpy/OpenBLAS peer back to back for each thread count and prints
# one JSON line per run. Usage: benchmarks/peers/sgemm_side_by_side.sh [SIZE] [THREADS...]
#   e.g. benchmarks/peers/sgemm_side_by_side.sh 1024 1 2
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
size="${1:-1024}"
shift || true
PYTHON="${PYTHON:-/usr/bin/python3}"  # Debian python3-numpy with libopenblas0-pthread
threads=("${@:-1}")
# OPENBLAS_CORETYPE/OPENBLAS_L2_SIZE may be preset for old OpenBLAS builds; they pick a slower kernel
# for a current one, so the peer runs without both (the JSON's "blas" field names the kernel used).
for t in "${threads[@]}"; do
  ./kiln bench sgemm --size "$size" --threads "$t" --json 2>/dev/null | tail -1
  env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE "$PYTHON" benchmarks/peers/sgemm_numpy.py --size "$size" --threads "$t" --json
done

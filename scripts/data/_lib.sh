# Helpers shared by the dataset scripts (sourced, not run).

# verify FILE SHA256: fails naming the file and both digests.
verify() {
  local actual
  actual="$(sha256sum "$1" | cut -d' ' -f1)"
  if [ "$actual" != "$2" ]; then
    echo "fetch-data: checksum mismatch for $1: expected $2, got $actual" >&2
    return 1
  fi
}

# install_verified SRC DEST SHA256: verifies SRC, then moves it into place atomically.
install_verified() {
  verify "$1" "$3"
  mkdir -p "$(dirname "$2")"
  cp "$1" "$2.tmp.$$" && mv -f "$2.tmp.$$" "$2"
}

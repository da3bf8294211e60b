# Fashion-MNIST (Zalando): gzipped IDX files from Debian's dataset-fashion-mnist package
# (usr/share/datasets/fashion-mnist/). Sourced by scripts/fetch-data.sh.
# The sha256 values below were taken after checking the files against the package's own md5sums
# listing (Debian recompressed the .gz files, so they differ from upstream's archive digests).
# Installs $KILN_DATA/fashion-mnist/{train,t10k}-{images-idx3,labels-idx1}-ubyte.gz.
fashion_dest="$KILN_DATA/fashion-mnist"
declare -A fashion_sha256=(
  [train-images-idx3-ubyte.gz]=b0564c3eedabfbf835052cff8503ea422014ce006caf5b757f851416ee8300c7
  [train-labels-idx1-ubyte.gz]=0ae29f65d86684f32d1b9c85147786c547b9c6aebcaf235f0400a0cce308b056
  [t10k-images-idx3-ubyte.gz]=cc1d090a38ace84dfa1aa66e3ada7c336ef481a96936906477e6dd344da56eaa
  [t10k-labels-idx1-ubyte.gz]=8d3605d196f4be44669e46906da9733c8131fef761fdbfec72c424d5222f1a05
)

fashion_present() {
  local f
  for f in "${!fashion_sha256[@]}"; do
    [ -f "$fashion_dest/$f" ] && verify "$fashion_dest/$f" "${fashion_sha256[$f]}" 2>/dev/null || return 1
  done
}

if fashion_present; then
  echo "fashion-mnist: already in $fashion_dest (sha256 verified)"
else
  command -v apt-get >/dev/null && command -v dpkg-deb >/dev/null \
    || { echo "fetch-data: fashion-mnist needs apt-get and dpkg-deb (a Debian/Ubuntu system)" >&2; exit 1; }
  fashion_tmp="$(mktemp -d)"
  chmod 755 "$fashion_tmp" # apt's sandbox user must be able to write the .deb here
  trap 'rm -rf "$fashion_tmp"' EXIT
  (cd "$fashion_tmp" && apt-get download -q dataset-fashion-mnist >/dev/null 2>&1) || {
    echo "fetch-data: 'apt-get download dataset-fashion-mnist' failed; run 'apt-get update' and retry" >&2; exit 1; }
  dpkg-deb -x "$fashion_tmp"/dataset-fashion-mnist_*.deb "$fashion_tmp/x"
  for f in "${!fashion_sha256[@]}"; do
    install_verified "$fashion_tmp/x/usr/share/datasets/fashion-mnist/$f" "$fashion_dest/$f" "${fashion_sha256[$f]}"
  done
  echo "fashion-mnist: installed into $fashion_dest (sha256 verified)"
fi

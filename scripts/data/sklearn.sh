# scikit-learn's bundled toy datasets (iris, wine, breast cancer, digits, diabetes), taken from
# Debian's python3-sklearn package: downloaded with `apt-get download` (never installed),
# unpacked with `dpkg-deb -x`, each file checked by sha256 and moved into $KILN_DATA/sklearn/.
# Sourced by scripts/fetch-data.sh, which provides verify/install_verified and $KILN_DATA.

sklearn_files=(
  "iris.csv f13ffa8fdd56fd8e6c8d16d4081a3fbd3114bcd0aae4256c43205169cd9d1449"
  "wine_data.csv 10e8a802908b34f86e5da8ce962f3c806694bc98450a18f61851af59f324bede"
  "breast_cancer.csv fed3eb72d0575ef6192293f5093c6e801b1476b577d0386bf4455504522172ed"
  "digits.csv.gz 46abec6b12486ad9e51943373abcf22bbea1b5a51a1619b361570d8893f1464a"
  "diabetes_data_raw.csv.gz fc08fc59c1cbfe65550d9ebb36321d505de9e8f004bf92c1566d2908962f08ff"
  "diabetes_target.csv.gz bf1ddd1f9d377278450a5f02c24b5e77b1501f2ad673fe9fdf4c4090d27eb5cc"
)

# Runs in a subshell so the temporary folder goes away on every exit path (success or failure).
sklearn_fetch() (
  dest="$KILN_DATA/sklearn"
  have=1
  for entry in "${sklearn_files[@]}"; do
    set -- $entry
    if [ ! -f "$dest/$1" ] || ! verify "$dest/$1" "$2" 2>/dev/null; then have=0; fi
  done
  if [ "$have" = 1 ]; then
    echo "fetch-data: sklearn already in $dest"
    exit 0
  fi
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
  # apt-get download writes into the current directory; the package lists may be empty on a fresh machine.
  if ! (cd "$work" && apt-get download python3-sklearn >/dev/null 2>&1); then
    echo "fetch-data: apt-get download python3-sklearn failed; running apt-get update and retrying" >&2
    apt-get update >/dev/null 2>&1 || true
    (cd "$work" && apt-get download python3-sklearn) || {
      echo "fetch-data: could not download python3-sklearn with apt-get download" >&2
      exit 1
    }
  fi
  deb="$(ls "$work"/python3-sklearn_*.deb | head -n 1)"
  dpkg-deb -x "$deb" "$work/x"
  src="$work/x/usr/lib/python3/dist-packages/sklearn/datasets/data"
  for entry in "${sklearn_files[@]}"; do
    set -- $entry
    if [ ! -f "$src/$1" ]; then
      echo "fetch-data: $1 is missing from $(basename "$deb") (looked in $src)" >&2
      exit 1
    fi
    install_verified "$src/$1" "$dest/$1" "$2"
  done
  echo "fetch-data: sklearn datasets in $dest ($(basename "$deb"))"
)

sklearn_fetch

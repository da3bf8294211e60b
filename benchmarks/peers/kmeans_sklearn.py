#!/usr/bin/env python3
"""scikit-learn peer for Kiln's k-means (side-by-side runs; prints the same keys as Kiln).

Needs numpy and scikit-learn (Debian: apt-get install python3-sklearn, then run with /usr/bin/python3).

  python3 benchmarks/peers/kmeans_sklearn.py digits [--seeds 5] [--json]
      KMeans(init='k-means++', n_clusters=10, n_init=4, random_state=seed) on sklearn's 8x8 digits,
      raw and standardised (StandardScaler), ARI against the labels for each seed; compare with
      `./kiln example digits-clustering` (k-means++ rows).
  python3 benchmarks/peers/kmeans_sklearn.py mnist [--k 10] [--iterations 20] [--seed 0] [--limit N] [--json]
      KMeans(algorithm='lloyd', n_init=1, max_iter=iterations, tol=0) on the 60000x784 MNIST training
      images scaled to [0, 1]; keys `seconds` (fit only) and `inertia`, as `./kiln bench kmeans-mnist --json`.

Both read the files fetched by `./kiln data fetch sklearn|mnist` from $KILN_DATA
(default ~/.cache/kiln/datasets), so Kiln and scikit-learn see identical data.
"""
import argparse
import gzip
import json
import os
import sys
import time

import numpy as np
import sklearn
from sklearn.cluster import KMeans
from sklearn.metrics import adjusted_rand_score
from sklearn.preprocessing import StandardScaler


def data_dir():
    return os.environ.get("KILN_DATA") or os.path.join(os.path.expanduser("~"), ".cache", "kiln", "datasets")


def require(dataset, name):
    path = os.path.join(data_dir(), dataset, name)
    if not os.path.isfile(path):
        sys.exit(f"missing {path}: run ./kiln data fetch {dataset}")
    return path


def digits():
    with gzip.open(require("sklearn", "digits.csv.gz"), "rt") as f:
        data = np.loadtxt(f, delimiter=",")
    return data[:, :-1], data[:, -1].astype(int)


def mnist(limit):
    path = require("mnist", "train-images-idx3-ubyte")
    with open(path, "rb") as f:
        magic, n, rows, cols = np.frombuffer(f.read(16), dtype=">i4")
        if magic != 0x803:
            sys.exit(f"{path}: bad IDX magic {magic:#x}")
        take = min(limit, n) if limit > 0 else n
        pixels = np.frombuffer(f.read(take * rows * cols), dtype=np.uint8)
    return pixels.reshape(take, rows * cols).astype(np.float32) / 255.0


def run_digits(args):
    x, y = digits()
    out = {"sklearn": sklearn.__version__}
    for name, data in (("raw", x), ("standardised", StandardScaler().fit_transform(x))):
        aris = []
        for seed in range(args.seeds):
            labels = KMeans(n_clusters=10, init="k-means++", n_init=4, random_state=seed).fit_predict(data)
            aris.append(adjusted_rand_score(y, labels))
        out[name] = {"ari_mean": float(np.mean(aris)), "ari_min": float(np.min(aris)),
                     "ari_max": float(np.max(aris)), "ari_per_seed": [float(a) for a in aris]}
    return out


def run_mnist(args):
    x = mnist(args.limit)
    km = KMeans(n_clusters=args.k, init="k-means++", n_init=1, max_iter=args.iterations, tol=0.0,
                algorithm="lloyd", random_state=args.seed)
    c0 = time.process_time()
    t0 = time.perf_counter()
    km.fit(x)
    seconds = time.perf_counter() - t0
    cpu_seconds = time.process_time() - c0
    return {"seconds": seconds, "inertia": float(km.inertia_), "cpu_seconds": cpu_seconds, "k": args.k, "iterations": int(km.n_iter_),
            "n": int(x.shape[0]), "peer": f"scikit-learn {sklearn.__version__}"}


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("task", choices=["digits", "mnist"])
    p.add_argument("--seeds", type=int, default=5)
    p.add_argument("--k", type=int, default=10)
    p.add_argument("--iterations", type=int, default=20)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--limit", type=int, default=0)
    p.add_argument("--json", action="store_true")
    args = p.parse_args()
    result = run_digits(args) if args.task == "digits" else run_mnist(args)
    if args.json:
        print(json.dumps(result))
    else:
        for key, value in result.items():
            print(f"{key:22s} {value}")


if __name__ == "__main__":
    main()

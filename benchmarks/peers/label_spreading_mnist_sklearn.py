#!/usr/bin/env python3
"""scikit-learn's side of `./kiln bench label-spreading-mnist`: LabelSpreading(kernel='knn') on
MNIST's 70,000 images (train then test, pixels / 255) with the labels of a Kiln split file (write
it with the bench's --split-file). Prints the bench's JSON keys.

Needs numpy and scikit-learn (Debian: apt-get install python3-sklearn).

usage: /usr/bin/python3 benchmarks/peers/label_spreading_mnist_sklearn.py --split-file F [--k 10] [--max-iter 30]
"""
import argparse
import json
import os
import resource
import time

import numpy as np
from sklearn.semi_supervised import LabelSpreading


def idx(path):
    with open(path, "rb") as f:
        data = f.read()
    dims = data[3]
    shape = [int.from_bytes(data[4 + 4 * i:8 + 4 * i], "big") for i in range(dims)]
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


def read_split(path):
    out = {}
    with open(path) as f:
        for line in f:
            parts = line.split()
            if parts and parts[0] in ("rows", "labelled", "unlabelled"):
                out[parts[0]] = np.array([int(v) for v in parts[1:]], dtype=np.int64)
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--split-file", required=True)
    ap.add_argument("--k", type=int, default=10)
    ap.add_argument("--max-iter", type=int, default=30)
    a = ap.parse_args()
    d = os.path.join(os.environ.get("KILN_DATA", os.path.expanduser("~/.cache/kiln/datasets")), "mnist")
    x = np.concatenate([idx(os.path.join(d, "train-images-idx3-ubyte")), idx(os.path.join(d, "t10k-images-idx3-ubyte"))])
    y = np.concatenate([idx(os.path.join(d, "train-labels-idx1-ubyte")), idx(os.path.join(d, "t10k-labels-idx1-ubyte"))])
    x = x.reshape(len(x), -1).astype(np.float64) / 255.0
    split = read_split(a.split_file)
    n = int(split["rows"][0])
    x, y = x[:n], y[:n].astype(np.int64)
    order = np.concatenate([split["labelled"], split["unlabelled"]])  # Kiln's order: labelled first
    xs = x[order]
    ys = np.full(len(order), -1)
    nl = len(split["labelled"])
    ys[:nl] = y[split["labelled"]]
    t0 = time.perf_counter()
    m = LabelSpreading(kernel="knn", n_neighbors=a.k, max_iter=a.max_iter).fit(xs, ys)
    seconds = time.perf_counter() - t0
    pred = m.transduction_[nl:]
    print(json.dumps({"peer": "scikit-learn", "images": n, "labelled": nl, "k": a.k, "seconds": seconds,
                      "iterations": int(m.n_iter_),
                      "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0,
                      "accuracy_unlabelled": float(np.mean(pred == y[split["unlabelled"]]))}))


if __name__ == "__main__":
    main()

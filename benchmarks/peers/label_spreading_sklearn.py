#!/usr/bin/env python3
"""scikit-learn's side of `./kiln example digits-label-spreading`.

The split is scikit-learn's plot_label_propagation_digits example: shuffle the 1797 digits with
RandomState(2), keep the first 340, the first 40 of those labelled. numpy's shuffle cannot be
reproduced in Java, so this script writes the split as a Kiln label-split file (rows refer to
load_digits order, which is the order of Kiln's digits.csv.gz) and the labels scikit-learn gives
the 300 unlabelled points, for the Java example to compare with.

Needs numpy and scikit-learn (Debian: apt-get install python3-sklearn; 1.2.1 measured). The files it
writes are committed, so the Java example runs without Python.

usage: /usr/bin/python3 benchmarks/peers/label_spreading_sklearn.py [--out DIR]   (prints one JSON object)
"""
import argparse
import json
import os
import time

import numpy as np
import sklearn
from sklearn import datasets
from sklearn.metrics import accuracy_score, f1_score
from sklearn.semi_supervised import LabelSpreading


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default="benchmarks/peers/digits-label-spreading")
    args = ap.parse_args()
    digits = datasets.load_digits()
    rng = np.random.RandomState(2)
    indices = np.arange(len(digits.data))
    rng.shuffle(indices)
    chosen = indices[:340]
    X = digits.data[chosen]
    y = digits.target[chosen]
    n_labeled = 40
    y_train = np.copy(y)
    y_train[n_labeled:] = -1

    os.makedirs(args.out, exist_ok=True)
    split = os.path.join(args.out, "split.txt")
    tmp = split + ".tmp"
    with open(tmp, "w") as f:  # temp file then rename, as Kiln writes it
        f.write("# scikit-learn plot_label_propagation_digits split: RandomState(2) shuffle, first 340, 40 labelled\n")
        f.write("kiln-label-split 1\n")
        f.write("rows %d\n" % len(digits.data))
        f.write("labelled " + " ".join(str(i) for i in chosen[:n_labeled]) + "\n")
        f.write("unlabelled " + " ".join(str(i) for i in chosen[n_labeled:]) + "\n")
    os.replace(tmp, split)

    result = {"peer": "scikit-learn " + sklearn.__version__, "labelled": n_labeled, "unlabelled": 340 - n_labeled}
    for kernel, model in (("rbf", LabelSpreading(gamma=0.25, max_iter=20)),
                          ("knn", LabelSpreading(kernel="knn", n_neighbors=7, max_iter=20))):
        t0 = time.perf_counter()
        model.fit(X, y_train)
        seconds = time.perf_counter() - t0
        pred = model.transduction_[n_labeled:]
        truth = y[n_labeled:]
        with open(os.path.join(args.out, "sklearn_%s.txt" % kernel), "w") as f:
            f.write(" ".join(str(int(v)) for v in pred) + "\n")
        result[kernel] = {"accuracy": round(float(accuracy_score(truth, pred)), 4),
                          "macro_f1": round(float(f1_score(truth, pred, average="macro")), 4),
                          "seconds": round(seconds, 4), "iterations": int(model.n_iter_)}
    print(json.dumps(result))


if __name__ == "__main__":
    main()

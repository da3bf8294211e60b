#!/usr/bin/python3
"""scikit-learn peer of `./kiln bench classic-cv`: 5-fold cross-validated accuracy of a decision tree,
a random forest, logistic regression and an RBF SVM (all at scikit-learn's default parameters) on
iris (raw), wine (standard-scaled) and breast cancer (standard-scaled), with fit times.

The folds are the ones Kiln used: `./kiln bench classic-cv --folds DIR` writes DIR/<dataset>.folds
(the fold number of each row, one per line, rows in the order of the data files, which are the
files scikit-learn's loaders read), and this script reads them. Scaling is fitted inside each fold
(a Pipeline), as on the Kiln side.

Run with Debian's interpreter, which sees python3-sklearn:
    /usr/bin/python3 benchmarks/peers/classic_sklearn.py --folds DIR [--json] [--tree-seeds N]

A single tree's accuracy depends on random_state (it orders the features searched at each split
and so breaks ties between equally good splits); <dataset>.tree_seedsN.accuracy is the mean over
random_state 0..N-1 and <dataset>.tree_seedsN.per_seed the list, as the Kiln bench prints them.
"""
import argparse
import warnings
import json
import os
import sys
import time

import numpy as np
from sklearn.datasets import load_breast_cancer, load_iris, load_wine
from sklearn.ensemble import RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC
from sklearn.tree import DecisionTreeClassifier

DATASETS = [("iris", load_iris, False), ("wine", load_wine, True), ("breast_cancer", load_breast_cancer, True)]
MODELS = [
    ("tree", lambda: DecisionTreeClassifier(random_state=0)),
    ("forest", lambda: RandomForestClassifier(random_state=0)),
    ("logreg", lambda: LogisticRegression()),
    ("svm_rbf", lambda: SVC()),
]


def read_folds(path, n):
    with open(path) as f:
        folds = np.array([int(line) for line in f if line.strip()])
    if len(folds) != n:
        sys.exit(f"{path}: {len(folds)} fold numbers for {n} rows")
    return folds


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--folds", required=True, help="folder with <dataset>.folds files written by Kiln")
    ap.add_argument("--json", action="store_true", help="print one JSON object instead of a table")
    ap.add_argument("--tree-seeds", type=int, default=10, help="tree random_state values 0..N-1 (default 10)")
    args = ap.parse_args()
    # LogisticRegression's default max_iter=100 does not converge on raw iris; keep its default anyway
    warnings.filterwarnings("ignore", message=".*lbfgs failed to converge.*")
    if args.tree_seeds < 1:
        sys.exit(f"--tree-seeds must be at least 1, got {args.tree_seeds}")
    out = {}
    for name, load, scaled in DATASETS:
        x, y = load(return_X_y=True)
        folds = read_folds(os.path.join(args.folds, name + ".folds"), len(y))
        for model_name, make in MODELS:
            accs, fit_s = [], 0.0
            for f in range(folds.max() + 1):
                train, test = folds != f, folds == f
                model = make_pipeline(StandardScaler(), make()) if scaled else make()
                t0 = time.perf_counter()
                model.fit(x[train], y[train])
                fit_s += time.perf_counter() - t0
                accs.append(float(np.mean(model.predict(x[test]) == y[test])))
            out[f"{name}.{model_name}.accuracy"] = round(float(np.mean(accs)), 4)
            out[f"{name}.{model_name}.fit_ms"] = round(fit_s * 1000, 1)
    for name, load, scaled in DATASETS:
        # a single tree swings by ~2 points with random_state (tie-breaks): also report seeds 0..N-1
        x, y = load(return_X_y=True)
        folds = read_folds(os.path.join(args.folds, name + ".folds"), len(y))
        means = []
        for seed in range(args.tree_seeds):
            accs = []
            for f in range(folds.max() + 1):
                train, test = folds != f, folds == f
                tree = DecisionTreeClassifier(random_state=seed)
                model = make_pipeline(StandardScaler(), tree) if scaled else tree
                model.fit(x[train], y[train])
                accs.append(float(np.mean(model.predict(x[test]) == y[test])))
            means.append(np.mean(accs))
        out[f"{name}.tree_seeds{args.tree_seeds}.accuracy"] = round(float(np.mean(means)), 4)
        out[f"{name}.tree_seeds{args.tree_seeds}.per_seed"] = [round(float(m), 4) for m in means]
    if args.json:
        print(json.dumps(out))
    else:
        for k, v in out.items():
            print(f"{k:40s} {v}")


if __name__ == "__main__":
    main()

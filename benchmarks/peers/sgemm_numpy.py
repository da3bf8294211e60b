#!/usr/bin/env python3
"""Peer of `./kiln bench sgemm`: numpy (OpenBLAS) float32 square matrix product.

Same flags (--size N --threads T [--reps R] [--json]) and the same JSON keys (gflops_best,
gflops_median, size, threads, backend, reps) as the Kiln command, so both can run back to back:

    ./kiln bench sgemm --size 1024 --threads 1 --json
    python3 benchmarks/peers/sgemm_numpy.py --size 1024 --threads 1 --json

The thread count is fixed through OPENBLAS_NUM_THREADS (and OMP_NUM_THREADS) before numpy loads.
"""
import argparse
import json
import os
import statistics
import sys
import time


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--size", type=int, default=1024)
    p.add_argument("--threads", type=int, default=os.cpu_count())
    p.add_argument("--reps", type=int, default=0, help="timed runs (default: about 3 s, 5..50)")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    args = p.parse_args()
    if args.size < 1 or args.threads < 1 or args.reps < 0:
        p.error("--size and --threads must be positive, --reps non-negative")
    for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[var] = str(args.threads)
    import numpy as np  # after the thread variables: OpenBLAS reads them when it loads

    n = args.size
    rng = np.random.default_rng(42)
    a = rng.uniform(-1, 1, (n, n)).astype(np.float32)
    b = rng.uniform(-1, 1, (n, n)).astype(np.float32)
    flops = 2.0 * n ** 3
    warm_end = time.perf_counter() + 1.5  # warm-up like the Kiln side: 3 runs or 1.5 s
    i = 0
    while i < 3 or time.perf_counter() < warm_end:
        c = a @ b
        i += 1
    assert c.dtype == np.float32
    reps = args.reps
    if reps == 0:
        t0 = time.perf_counter()
        a @ b
        reps = int(max(5, min(50, 3.0 / max(time.perf_counter() - t0, 1e-6))))
    gflops = []
    for _ in range(reps):
        t0 = time.perf_counter()
        a @ b
        gflops.append(flops / (time.perf_counter() - t0) / 1e9)
    result = {
        "backend": "numpy-openblas",
        "size": n,
        "threads": args.threads,
        "reps": reps,
        "gflops_best": round(max(gflops), 2),
        "gflops_median": round(statistics.median(gflops), 2),
        "numpy": np.__version__,
    }
    try:  # which BLAS kernel actually ran (OPENBLAS_CORETYPE changes it)
        from threadpoolctl import threadpool_info
        blas = [x for x in threadpool_info() if x.get("user_api") == "blas"]
        if blas:
            result["blas"] = "%s %s %s threads=%s" % (blas[0].get("internal_api"), blas[0].get("version"),
                                                      blas[0].get("architecture"), blas[0].get("num_threads"))
    except ImportError:
        pass
    if args.json:
        print(json.dumps(result))
    else:
        for k, v in result.items():
            print("%-22s %s" % (k, v))


if __name__ == "__main__":
    sys.exit(main())

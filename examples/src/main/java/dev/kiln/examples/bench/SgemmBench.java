package dev.kiln.examples.bench;

import dev.kiln.core.backend.Backend;
import dev.kiln.core.backend.Backends;
import dev.kiln.core.tensor.Rng;
import dev.kiln.core.tensor.Tensor;
import dev.kiln.examples.Bench;
import dev.kiln.examples.Options;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code kiln bench sgemm --size N --threads T [--backend NAME] [--reps R]}: GFLOPS of one square
 * float32 matrix product (2 N^3 flops), best and median over R timed runs after warm-up. The peer
 * is {@code benchmarks/peers/sgemm_numpy.py}, which takes the same flags and prints the same keys.
 */
public final class SgemmBench implements Bench {
    @Override
    public String name() {
        return "sgemm";
    }

    @Override
    public String description() {
        return "square float32 matrix product, GFLOPS (--size N [--threads T] [--backend NAME] [--reps R])";
    }

    @Override
    public Options.Spec options() {
        return Options.spec().integer("size", 1024, "rows = columns of both matrices")
                .integer("reps", 0, "timed runs; 0 picks about 3 s worth, between 5 and 50")
                .string("backend", "cpu", "backend to measure (./kiln backends lists them)");
    }

    @Override
    public Map<String, Object> run(Options options) {
        int size = options.integer("size");
        int reps = options.integer("reps");
        if (size <= 0 || reps < 0) {
            throw new Options.UsageException("sgemm: --size must be positive and --reps non-negative, got --size="
                    + size + " --reps=" + reps);
        }
        Backend backend = Backends.create(options.string("backend"));
        int threads = Bench.threads(backend);
        Rng rng = new Rng(42);
        Tensor a = Tensor.uniform(backend, rng, -1f, 1f, size, size);
        Tensor b = Tensor.uniform(backend, rng, -1f, 1f, size, size);
        double flops = 2.0 * size * size * size;

        // JIT warm-up: C2 compiles the large micro-kernel late, and later still on a loaded machine
        long warmEnd = System.nanoTime() + 3_000_000_000L;
        Tensor c = null;
        for (int i = 0; i < 5 || System.nanoTime() < warmEnd; i++) {
            if (c != null) {
                finish(c); // device backends queue work: never let the queue outrun the clock
            }
            c = backend.matmul(a, b);
        }
        spotCheck(a, b, c, size);
        if (reps <= 0) { // about 3 s of timed runs, between 5 and 50
            long t0 = System.nanoTime();
            finish(backend.matmul(a, b));
            double secs = (System.nanoTime() - t0) / 1e9;
            reps = (int) Math.max(5, Math.min(50, 3.0 / Math.max(secs, 1e-6)));
        }
        double[] gflops = new double[reps];
        for (int i = 0; i < reps; i++) {
            long t0 = System.nanoTime();
            finish(backend.matmul(a, b));
            gflops[i] = flops / (System.nanoTime() - t0);
        }
        Arrays.sort(gflops);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("backend", backend.name());
        out.put("size", size);
        out.put("threads", threads);
        out.put("reps", reps);
        out.put("gflops_best", round(gflops[reps - 1]));
        out.put("gflops_median", round(reps % 2 == 1 ? gflops[reps / 2] : (gflops[reps / 2 - 1] + gflops[reps / 2]) / 2));
        return out;
    }

    /**
     * Waits for the product and frees it: device backends return as soon as work is queued, so
     * reading one element is what makes the timing cover the computation.
     */
    private static void finish(Tensor c) {
        c.slice(0, 0, 1).slice(1, 0, 1).item();
        c.storage().close();
    }

    /** A wrong product must not produce a fast figure: checks a few entries against double dot products. */
    private static void spotCheck(Tensor a, Tensor b, Tensor c, int n) {
        float[] av = a.toArray();
        float[] bv = b.toArray();
        float[] cv = c.toArray();
        for (int s = 0; s < 8 && n > 0; s++) {
            int i = (int) ((s * 2654435761L) % n);
            int j = (int) ((s * 40503L + 7) % n);
            double dot = 0;
            double mag = 0;
            for (int p = 0; p < n; p++) {
                dot += (double) av[i * n + p] * bv[p * n + j];
                mag += Math.abs((double) av[i * n + p] * bv[p * n + j]);
            }
            if (Math.abs(cv[i * n + j] - dot) > 1e-5 * mag + 1e-6) {
                throw new IllegalStateException("sgemm: C[" + i + "," + j + "] = " + cv[i * n + j] + " but the dot product is "
                        + dot + "; the backend computed a wrong product");
            }
        }
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}

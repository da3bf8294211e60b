package dev.kiln.opencl;

import dev.kiln.core.tensor.Rng;
import dev.kiln.core.tensor.Tensor;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Times {@code C = A @ B} for square N x N float32 matrices on the OpenCL backend and checks
 * sampled entries against a double-precision dot product. Run by hand and by scripts/gpu-check.sh
 * (the {@code ./kiln bench sgemm --backend opencl} command lives in the examples module):
 *
 * <pre>java --enable-native-access=ALL-UNNAMED -cp ... dev.kiln.opencl.SgemmTiming --size 1024 [--reps 10] [--json]</pre>
 *
 * Inputs are uploaded once; each product is enqueued, the queue drained and the result released.
 * GFLOPS = 2 N^3 / seconds per product.
 */
public final class SgemmTiming {
    private SgemmTiming() {
    }

    public static void main(String[] args) {
        int n = 1024;
        int reps = 0;
        boolean json = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--size" -> n = Integer.parseInt(args[++i]);
                case "--reps" -> reps = Integer.parseInt(args[++i]);
                case "--json" -> json = true;
                default -> throw new IllegalArgumentException("unknown argument '" + args[i]
                        + "'; use --size N [--reps R] [--json]");
            }
        }
        Map<String, Object> r = run(n, reps);
        if (json) {
            System.out.println(r.entrySet().stream().map(e -> "\"" + e.getKey() + "\": "
                    + (e.getValue() instanceof String s ? "\"" + s.replace("\"", "'") + "\"" : e.getValue()))
                    .collect(Collectors.joining(", ", "{", "}")));
        } else {
            r.forEach((k, v) -> System.out.printf(Locale.ROOT, "%-14s %s%n", k, v));
        }
    }

    /**
     * Runs the timing; {@code reps <= 0} picks enough repetitions for about three seconds. Keys
     * follow {@code ./kiln bench sgemm} (backend, size, reps, gflops_best, gflops_median) plus the
     * device and the sampled error. Each timed product is waited for (a blocking one-element read
     * drains the in-order queue) and released at once.
     */
    public static Map<String, Object> run(int n, int reps) {
        OpenClBackend cl = OpenClBackend.create();
        Rng rng = new Rng(42);
        Tensor a = Tensor.uniform(cl, rng, -1f, 1f, n, n);
        Tensor b = Tensor.uniform(cl, rng, -1f, 1f, n, n);
        double flops = 2.0 * n * n * (double) n;
        Tensor c = a.matmul(b); // warm-up: kernel compilation and first-touch allocation
        double maxRelErr = check(a.toArray(), b.toArray(), c.toArray(), n);
        c.storage().close();
        double once = timeOne(cl, a, b);
        if (reps <= 0) {
            reps = (int) Math.max(3, Math.min(50, 3.0 / Math.max(once, 1e-6)));
        }
        double[] gflops = new double[reps];
        for (int i = 0; i < reps; i++) {
            gflops[i] = flops / timeOne(cl, a, b) / 1e9;
        }
        Arrays.sort(gflops);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("backend", "opencl");
        r.put("device", cl.device().label());
        r.put("size", n);
        r.put("reps", reps);
        r.put("gflops_best", round(gflops[reps - 1]));
        r.put("gflops_median", round(reps % 2 == 1 ? gflops[reps / 2] : (gflops[reps / 2 - 1] + gflops[reps / 2]) / 2));
        r.put("max_rel_err", String.format(Locale.ROOT, "%.2e", maxRelErr));
        a.storage().close();
        b.storage().close();
        return r;
    }

    /** Seconds for one product, enqueue to completion. */
    private static double timeOne(OpenClBackend cl, Tensor a, Tensor b) {
        long t0 = System.nanoTime();
        Tensor p = a.matmul(b);
        cl.synchronize();
        double s = (System.nanoTime() - t0) / 1e9;
        p.storage().close();
        return s;
    }

    /** Largest relative error of 64 sampled entries against a double-precision dot product. */
    private static double check(float[] a, float[] b, float[] c, int n) {
        double worst = 0;
        Rng rng = new Rng(11);
        for (int s = 0; s < 64; s++) {
            int i = (int) (rng.nextDouble() * n);
            int j = (int) (rng.nextDouble() * n);
            double dot = 0;
            double mag = 0;
            for (int k = 0; k < n; k++) {
                dot += (double) a[i * n + k] * b[k * n + j];
                mag += Math.abs((double) a[i * n + k] * b[k * n + j]);
            }
            worst = Math.max(worst, Math.abs(c[i * n + j] - dot) / Math.max(mag, 1e-30));
        }
        if (!(worst < 1e-4)) {
            throw new IllegalStateException("sgemm result is wrong: relative error " + worst);
        }
        return worst;
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}

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
 * Device time only: inputs are uploaded once, each product is enqueued and the queue drained,
 * results are released as they are produced. GFLOPS = 2 N^3 / seconds per product.
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

    /** Runs the timing; {@code reps <= 0} picks enough repetitions for about two seconds. */
    public static Map<String, Object> run(int n, int reps) {
        OpenClBackend cl = OpenClBackend.create();
        Rng rng = new Rng(7);
        Tensor a = Tensor.normal(cl, rng, 0f, 1f, n, n);
        Tensor b = Tensor.normal(cl, rng, 0f, 1f, n, n);
        // warm-up: kernel compilation and first-touch allocation
        Tensor c = a.matmul(b);
        cl.synchronize();
        double maxRelErr = check(a.toArray(), b.toArray(), c.toArray(), n);
        c.storage().close();
        long t0 = System.nanoTime();
        a.matmul(b).storage().close();
        cl.synchronize();
        double once = (System.nanoTime() - t0) / 1e9;
        if (reps <= 0) {
            reps = (int) Math.max(3, Math.min(200, 2.0 / Math.max(once, 1e-6)));
        }
        double[] times = new double[reps];
        for (int i = 0; i < reps; i++) {
            long s = System.nanoTime();
            Tensor p = a.matmul(b);
            cl.synchronize();
            times[i] = (System.nanoTime() - s) / 1e9;
            p.storage().close();
        }
        Arrays.sort(times);
        double median = times[reps / 2];
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("bench", "sgemm");
        r.put("backend", "opencl");
        r.put("device", cl.device().label());
        r.put("n", n);
        r.put("reps", reps);
        r.put("median_ms", round(median * 1e3));
        r.put("best_ms", round(times[0] * 1e3));
        r.put("gflops", round(2.0 * n * n * (double) n / median / 1e9));
        r.put("max_rel_err", String.format(Locale.ROOT, "%.2e", maxRelErr));
        a.storage().close();
        b.storage().close();
        return r;
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
        return Math.round(v * 1000) / 1000.0;
    }
}

package dev.kiln.examples.unsupervised;

import dev.kiln.examples.Options;
import dev.kiln.core.backend.Backend;
import dev.kiln.core.backend.Backends;
import dev.kiln.core.data.ImageDataset;
import dev.kiln.core.data.Mnist;
import dev.kiln.core.data.Normalization;
import dev.kiln.examples.Bench;
import dev.kiln.unsupervised.KMeans;
import dev.kiln.unsupervised.KMeansModel;
import dev.kiln.unsupervised.Points;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ./kiln bench kmeans-mnist [--json] [--k 10] [--iterations 20] [--seed 0] [--limit N] [--warmup W]}:
 * k-means on the 60000 x 784 MNIST training images (pixels scaled to [0, 1]), one k-means++
 * initialisation and a fixed number of Lloyd iterations (tol 0; it stops earlier only if the
 * labels stop changing). {@code seconds} is the fit time without loading, of a cold JVM unless
 * {@code --warmup W} first runs W untimed fits. The JVM peers (Smile,
 * Tribuo) print the same keys: {@code benchmarks-peers-jvm}'s {@code KMeansMnistPeer}; scikit-learn:
 * {@code benchmarks/peers/kmeans_sklearn.py mnist}.
 */
public final class KMeansMnistBench implements Bench {
    @Override
    public String name() {
        return "kmeans-mnist";
    }

    @Override
    public String description() {
        return "k-means (k=10, 20 Lloyd iterations, one k-means++ init) on the 60000x784 MNIST training images";
    }

    @Override
    public Options.Spec options() {
        return Options.spec().integer("k", 10, "clusters").integer("iterations", 20, "Lloyd iterations")
                .number("seed", 0, "seed of the k-means++ initialisation")
                .integer("limit", 0, "use only the first N images (0: all)")
                .integer("warmup", 0, "untimed runs first");
    }

    @Override
    public Map<String, Object> run(Options options) throws Exception {
        int k = options.integer("k");
        int iterations = options.integer("iterations");
        long seed = options.number("seed");
        int limit = options.integer("limit");
        int warmup = options.integer("warmup");
        ImageDataset images = Mnist.DIGITS.train(Normalization.UNIT); // pixels / 255
        int n = limit > 0 ? Math.min(limit, images.size()) : images.size();
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            rows[i] = i;
        }
        float[] pixels = new float[n * 784];
        images.gather(rows, pixels, new float[n]);
        Points x = Points.of(pixels, n, 784);
        Backend backend = Backends.current();
        KMeans kmeans = KMeans.builder(k).maxIterations(iterations).tol(0).nInit(1).seed(seed).backend(backend).build();
        for (int w = 0; w < warmup; w++) {
            kmeans.fit(x); // untimed runs: JIT-compiled kernels for a steady-state figure
        }
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean();
        // a fresh Points for the timed fit: the warm-up's upload of the points and their norms
        // (cached on the Points object for k-means restarts and elbow searches) would otherwise be
        // reused, and Smile, the peer, has nothing to cache; the timed fit pays for its own upload
        Points timed = Points.of(pixels, n, 784);
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        KMeansModel model = kmeans.fit(timed);
        double seconds = (System.nanoTime() - t0) / 1e9;
        // CPU time of the whole process during the fit (all threads, JIT and GC included): on a
        // shared machine it says how much work was done when wall time says how long it waited
        double cpuSeconds = (os.getProcessCpuTime() - cpu0) / 1e9;
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("seconds", seconds);
        out.put("inertia", model.inertia());
        out.put("cpu_seconds", cpuSeconds);
        out.put("k", k);
        out.put("iterations", model.iterations());
        out.put("n", x.rows());
        out.put("backend", backend.name());
        out.put("warmup_runs", warmup);
        return out;
    }
}

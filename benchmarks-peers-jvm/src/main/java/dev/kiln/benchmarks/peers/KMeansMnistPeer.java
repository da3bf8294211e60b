package dev.kiln.benchmarks.peers;

import dev.kiln.core.data.ImageDataset;
import dev.kiln.core.data.Mnist;
import dev.kiln.core.data.Normalization;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tribuo.MutableDataset;
import org.tribuo.clustering.ClusterID;
import org.tribuo.clustering.ClusteringFactory;
import org.tribuo.clustering.kmeans.KMeansModel;
import org.tribuo.clustering.kmeans.KMeansTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.la.DenseVector;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import smile.clustering.KMeans;

/**
 * The JVM peers of {@code ./kiln bench kmeans-mnist}: Smile's {@code KMeans.lloyd} and Tribuo's
 * k-means (k-means++ init, Euclidean) on the same 60000 x 784 MNIST training images scaled to
 * [0, 1], with the same k and iteration count. Prints the same keys as the Kiln bench
 * ({@code seconds}: fit time excluding loading, {@code inertia}: sum of squared distances to the
 * nearest final centroid, computed here the same way for both peers).
 *
 * <pre>java -cp 'benchmarks-peers-jvm/target/classes:benchmarks-peers-jvm/target/lib/*' \
 *   dev.kiln.benchmarks.peers.KMeansMnistPeer --peer smile|tribuo|both [--k 10] [--iterations 20]
 *   [--seed 0] [--limit N] [--threads 2] [--warmup W] [--json]</pre>
 */
public final class KMeansMnistPeer {
    /** Held strongly: java.util.logging forgets the level of a logger nobody references. */
    private static final java.util.logging.Logger TRIBUO_LOG = java.util.logging.Logger.getLogger("org.tribuo");

    private KMeansMnistPeer() {
    }

    public static void main(String[] args) throws Exception {
        String peer = "smile";
        int k = 10;
        int iterations = 20;
        long seed = 0;
        int limit = 0;
        int threads = Runtime.getRuntime().availableProcessors();
        boolean json = false;
        int warmup = 0;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--peer" -> peer = args[++i];
                case "--k" -> k = Integer.parseInt(args[++i]);
                case "--iterations" -> iterations = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--limit" -> limit = Integer.parseInt(args[++i]);
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--json" -> json = true;
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + " (expected --peer, --k, --iterations, --seed, --limit, --threads, --warmup, --json)");
            }
        }
        // Tribuo logs every iteration through java.util.logging; keep the output to the result lines
        TRIBUO_LOG.setLevel(java.util.logging.Level.WARNING);
        double[][] x = mnist(limit);
        List<Map<String, Object>> results = new ArrayList<>();
        if (peer.equals("smile") || peer.equals("both")) {
            for (int w = 0; w < warmup; w++) {
                smile(x, k, iterations); // untimed: JIT warm-up, as the Kiln bench's --warmup
            }
            results.add(smile(x, k, iterations));
        }
        if (peer.equals("tribuo") || peer.equals("both")) {
            for (int w = 0; w < warmup; w++) {
                tribuo(x, k, iterations, seed, threads);
            }
            results.add(tribuo(x, k, iterations, seed, threads));
        }
        if (results.isEmpty()) {
            throw new IllegalArgumentException("--peer must be smile, tribuo or both, got " + peer);
        }
        for (Map<String, Object> r : results) {
            System.out.println(json ? toJson(r) : r.toString());
        }
    }

    static Map<String, Object> smile(double[][] x, int k, int iterations) {
        long cpu0 = cpuNanos();
        long t0 = System.nanoTime();
        // one k-means++ seeding and at most `iterations` Lloyd steps; tol 0 never stops early on distortion
        KMeans model = KMeans.lloyd(x, k, iterations, 0.0);
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpu = (cpuNanos() - cpu0) / 1e9;
        return result("smile-core 3.1.1 KMeans.lloyd", seconds, cpu, inertia(x, model.centroids), k, iterations,
                x.length, model.distortion);
    }

    static Map<String, Object> tribuo(double[][] x, int k, int iterations, long seed, int threads) {
        ClusteringFactory factory = new ClusteringFactory();
        String[] names = new String[x[0].length];
        for (int j = 0; j < names.length; j++) {
            names[j] = String.format(Locale.ROOT, "px%03d", j);
        }
        MutableDataset<ClusterID> data = new MutableDataset<>(new SimpleDataSourceProvenance("mnist-train", factory),
                factory);
        for (double[] row : x) {
            data.add(new ArrayExample<>(ClusteringFactory.UNASSIGNED_CLUSTER_ID, names, row));
        }
        KMeansTrainer trainer = new KMeansTrainer(k, iterations, KMeansTrainer.Distance.EUCLIDEAN,
                KMeansTrainer.Initialisation.PLUSPLUS, threads, seed);
        long cpu0 = cpuNanos();
        long t0 = System.nanoTime();
        KMeansModel model = trainer.train(data);
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpu = (cpuNanos() - cpu0) / 1e9;
        DenseVector[] cv = model.getCentroidVectors();
        double[][] centroids = new double[cv.length][];
        // Tribuo drops all-zero pixel columns from its feature map: map centroids back by feature name
        var featureMap = model.getFeatureIDMap();
        for (int c = 0; c < cv.length; c++) {
            centroids[c] = new double[x[0].length];
            for (int j = 0; j < names.length; j++) {
                var info = featureMap.get(names[j]);
                if (info != null) {
                    centroids[c][j] = cv[c].get(featureMap.getID(names[j]));
                }
            }
        }
        return result("tribuo-clustering-kmeans 4.3.2 (" + threads + " threads)", seconds, cpu, inertia(x, centroids),
                k, iterations, x.length, Double.NaN);
    }

    /** CPU time of the whole process (all threads), as the Kiln bench's {@code cpu_seconds}. */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static Map<String, Object> result(String peer, double seconds, double cpuSeconds, double inertia, int k,
            int iterations, int n, double reported) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("peer", peer);
        r.put("seconds", seconds);
        r.put("inertia", inertia);
        r.put("cpu_seconds", cpuSeconds);
        r.put("k", k);
        r.put("iterations", iterations);
        r.put("n", n);
        if (!Double.isNaN(reported)) {
            r.put("peer_reported_distortion", reported);
        }
        return r;
    }

    /** Sum over points of the squared distance to the nearest centroid. */
    static double inertia(double[][] x, double[][] centroids) {
        double total = 0;
        for (double[] row : x) {
            double best = Double.POSITIVE_INFINITY;
            for (double[] c : centroids) {
                double s = 0;
                for (int j = 0; j < row.length; j++) {
                    double e = row[j] - c[j];
                    s += e * e;
                }
                best = Math.min(best, s);
            }
            total += best;
        }
        return total;
    }

    /** MNIST training images (Kiln's loader, the same file the Kiln bench reads) as rows scaled to [0, 1]. */
    static double[][] mnist(int limit) throws IOException {
        ImageDataset images = Mnist.DIGITS.train(Normalization.UNIT);
        int take = limit > 0 ? Math.min(limit, images.size()) : images.size();
        float[] row = new float[784];
        float[] label = new float[1];
        double[][] x = new double[take][784];
        for (int i = 0; i < take; i++) {
            images.gather(new int[] {i}, row, label);
            for (int j = 0; j < 784; j++) {
                x[i][j] = row[j];
            }
        }
        return x;
    }

    private static String toJson(Map<String, Object> r) {
        StringBuilder sb = new StringBuilder("{");
        for (var e : r.entrySet()) {
            if (sb.length() > 1) {
                sb.append(", ");
            }
            sb.append('"').append(e.getKey()).append("\": ");
            Object v = e.getValue();
            sb.append(v instanceof String s ? "\"" + s.replace("\"", "\\\"") + "\"" : String.valueOf(v));
        }
        return sb.append('}').toString();
    }
}

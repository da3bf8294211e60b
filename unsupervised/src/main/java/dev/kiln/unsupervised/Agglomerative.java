package dev.kiln.unsupervised;

import dev.kiln.core.component.Doc;
import dev.kiln.core.component.HyperParameters;
import dev.kiln.core.component.Range;
import dev.kiln.core.train.Trainer;
import dev.kiln.core.train.TrainingContext;
import dev.kiln.core.train.TrainingListener;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Bottom-up hierarchical clustering with Ward, complete, average or single linkage, by the
 * nearest-neighbour-chain algorithm (Müllner 2011, as in SciPy's {@code linkage}): O(n²) time on a
 * condensed distance matrix of n(n−1)/2 doubles, which bounds the set size (see
 * {@link #MAX_POINTS}). The full merge list (dendrogram) is kept; the model is cut at
 * {@code nClusters}. Deterministic: ties go to the earlier chain element, as in SciPy.
 */
public final class Agglomerative implements Trainer<Points, AgglomerativeModel> {
    /** The condensed distance matrix for this many points takes about 400 MB. */
    public static final int MAX_POINTS = 10_000;

    private final int nClusters;
    private final Linkage linkage;

    /** The hyper-parameters (scikit-learn's defaults: 2 clusters, Ward linkage). */
    public record Config(@Doc("clusters the dendrogram is cut into") @Range(min = 1) int nClusters,
                         @Doc("WARD, COMPLETE, AVERAGE or SINGLE") Linkage linkage) {
        public Config {
            HyperParameters.check(Config.class, nClusters, linkage);
        }

        public static final Config DEFAULTS = new Config(2, Linkage.WARD);
    }

    public Agglomerative(Config c) {
        this.nClusters = c.nClusters();
        this.linkage = c.linkage();
    }

    public Agglomerative(int nClusters, Linkage linkage) {
        this(new Config(nClusters, linkage));
    }

    public Config config() {
        return new Config(nClusters, linkage);
    }

    @Override
    public AgglomerativeModel fit(Points points, TrainingListener listener) {
        int n = points.rows();
        if (n < nClusters) {
            throw new IllegalArgumentException("Agglomerative: " + nClusters + " clusters need at least " + nClusters
                    + " points, got " + n);
        }
        if (n > MAX_POINTS) {
            throw new IllegalArgumentException("Agglomerative: " + n + " points exceed the limit of " + MAX_POINTS
                    + " (the pairwise distance matrix grows as n²); cluster a sample, or use k-means first");
        }
        TrainingContext context = new TrainingContext("agglomerative-" + linkage.name().toLowerCase(java.util.Locale.ROOT),
                1, 0);
        listener.onTrainingStart(context);
        listener.onEpochStart(context, 0);
        List<Merge> merges = relabel(nnChain(condensed(points), n), n);
        listener.onEpochEnd(context, 0, Map.of("merges", (double) merges.size()));
        listener.onTrainingEnd(context);
        return new AgglomerativeModel(n, merges, nClusters, points);
    }

    static double[] condensed(Points p) {
        int n = p.rows();
        int d = p.cols();
        double[] dist = new double[(int) ((long) n * (n - 1) / 2)];
        int at = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double s = 0;
                for (int f = 0; f < d; f++) {
                    double e = (double) p.get(i, f) - p.get(j, f);
                    s += e * e;
                }
                dist[at++] = Math.sqrt(s);
            }
        }
        return dist;
    }

    private static int at(int n, int i, int j) {
        if (i > j) {
            int t = i;
            i = j;
            j = t;
        }
        return (int) ((long) n * i - (long) i * (i + 1) / 2 + (j - i - 1));
    }

    /** Unsorted merges as (x, y, distance) with point/slot indices; the union lives on in slot y. */
    private List<double[]> nnChain(double[] dist, int n) {
        int[] size = new int[n];
        Arrays.fill(size, 1);
        boolean[] active = new boolean[n];
        Arrays.fill(active, true);
        int[] chain = new int[n];
        int chainLength = 0;
        List<double[]> out = new ArrayList<>(n - 1);
        for (int step = 0; step < n - 1; step++) {
            if (chainLength == 0) {
                int first = 0;
                while (!active[first]) {
                    first++;
                }
                chain[chainLength++] = first;
            }
            int x;
            int y;
            double best;
            while (true) {
                x = chain[chainLength - 1];
                if (chainLength > 1) {
                    y = chain[chainLength - 2];
                    best = dist[at(n, x, y)];
                } else {
                    y = -1;
                    best = Double.POSITIVE_INFINITY;
                }
                for (int i = 0; i < n; i++) {
                    if (active[i] && i != x) {
                        double v = dist[at(n, x, i)];
                        if (v < best) {
                            best = v;
                            y = i;
                        }
                    }
                }
                if (chainLength > 1 && y == chain[chainLength - 2]) {
                    break;
                }
                chain[chainLength++] = y;
            }
            chainLength -= 2;
            if (x > y) {
                int t = x;
                x = y;
                y = t;
            }
            out.add(new double[] {x, y, best});
            int sx = size[x];
            int sy = size[y];
            active[x] = false;
            for (int i = 0; i < n; i++) {
                if (active[i] && i != y) {
                    dist[at(n, i, y)] = linkage.update(dist[at(n, i, x)], dist[at(n, i, y)], best, sx, sy, size[i]);
                }
            }
            size[y] = sx + sy;
        }
        return out;
    }

    /** Sorts merges by distance (stably) and renames slots to SciPy's cluster ids with a union-find. */
    private static List<Merge> relabel(List<double[]> raw, int n) {
        List<double[]> sorted = new ArrayList<>(raw);
        sorted.sort(Comparator.comparingDouble(m -> m[2]));
        int[] parent = new int[2 * n - 1];
        int[] sizes = new int[2 * n - 1];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
            sizes[i] = 1;
        }
        List<Merge> merges = new ArrayList<>(sorted.size());
        int next = n;
        for (double[] m : sorted) {
            int a = find(parent, (int) m[0]);
            int b = find(parent, (int) m[1]);
            int left = Math.min(a, b);
            int right = Math.max(a, b);
            parent[a] = next;
            parent[b] = next;
            sizes[next] = sizes[a] + sizes[b];
            merges.add(new Merge(left, right, m[2], sizes[next]));
            next++;
        }
        return merges;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }
}

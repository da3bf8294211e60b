package dev.kiln.unsupervised;

import dev.kiln.core.component.Doc;
import dev.kiln.core.component.HyperParameters;
import dev.kiln.core.component.Range;
import dev.kiln.core.train.Trainer;
import dev.kiln.core.train.TrainingContext;
import dev.kiln.core.train.TrainingListener;
import java.util.Arrays;
import java.util.Map;

/**
 * DBSCAN (Ester et al. 1996): a point with at least {@code minPts} points (itself included) within
 * {@code eps} is a core point; clusters are the connected components of core points plus the
 * non-core points within reach of one (border points, which join the first cluster that reaches
 * them in index order); everything else is noise, label -1.
 *
 * <p>Two passes over a {@link NeighbourSearch}: first neighbour counts, then a breadth-first
 * expansion that queries each core point once. Queries are issued in blocks of {@value #BLOCK},
 * and no neighbour list outlives its block, so memory is O(n) plus one block's neighbours.
 * Deterministic: no randomness is involved.
 */
public final class Dbscan implements Trainer<Points, DbscanModel> {
    static final int BLOCK = 256;

    private final double eps;
    private final int minPts;
    private final Search search;

    /** How neighbours are found; {@link #AUTO} picks a k-d tree up to {@value #KD_TREE_MAX_DIMS} features. */
    public enum Search {
        AUTO, KD_TREE, BRUTE_FORCE;

        /** Above this many features a k-d tree prunes too little to beat a brute-force scan. */
        static final int KD_TREE_MAX_DIMS = 12;

        NeighbourSearch create(Points points, double eps) {
            Search k = this == AUTO ? (points.cols() <= KD_TREE_MAX_DIMS ? KD_TREE : BRUTE_FORCE) : this;
            return k == KD_TREE ? new KdTree(points, eps) : new BlockedBruteForce(points, eps);
        }
    }

    /** The hyper-parameters (scikit-learn's defaults: eps 0.5, min_samples 5). */
    public record Config(@Doc("neighbourhood radius (Euclidean)") @Range(min = 0, minExclusive = true, max = Double.MAX_VALUE) double eps,
                         @Doc("points within eps (itself included) that make a core point") @Range(min = 1) int minPts,
                         @Doc("AUTO (k-d tree up to 12 features), BRUTE_FORCE or KD_TREE; the clusters do not depend on it")
                         Search search) {
        public Config {
            HyperParameters.check(Config.class, eps, minPts, search);
        }

        public static final Config DEFAULTS = new Config(0.5, 5, Search.AUTO);
    }

    public Dbscan(Config c) {
        this.eps = c.eps();
        this.minPts = c.minPts();
        this.search = c.search();
    }

    private Dbscan(double eps, int minPts, Search search) {
        this(new Config(eps, minPts, search));
    }

    public Config config() {
        return new Config(eps, minPts, search);
    }

    /** A k-d tree for up to 12 features, blocked brute force above. */
    public Dbscan(double eps, int minPts) {
        this(eps, minPts, Search.AUTO);
    }

    /** Forces brute-force search (for tests and for data where a tree does not help). */
    public static Dbscan bruteForce(double eps, int minPts) {
        return new Dbscan(eps, minPts, Search.BRUTE_FORCE);
    }

    /** Forces a k-d tree. */
    public static Dbscan kdTree(double eps, int minPts) {
        return new Dbscan(eps, minPts, Search.KD_TREE);
    }

    @Override
    public DbscanModel fit(Points points, TrainingListener listener) {
        TrainingContext context = new TrainingContext("dbscan", 1, 0);
        listener.onTrainingStart(context);
        listener.onEpochStart(context, 0);
        int n = points.rows();
        NeighbourSearch index = search.create(points, eps);
        boolean[] core = new boolean[n];
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        for (int from = 0; from < n; from += BLOCK) {
            int[] block = Arrays.copyOfRange(all, from, Math.min(n, from + BLOCK));
            int[][] lists = index.neighbours(block);
            for (int q = 0; q < block.length; q++) {
                core[block[q]] = lists[q].length >= minPts;
            }
        }
        int[] labels = new int[n];
        Arrays.fill(labels, -1);
        int clusters = 0;
        int[] queue = new int[n];
        for (int seed = 0; seed < n; seed++) {
            if (!core[seed] || labels[seed] != -1) {
                continue;
            }
            int head = 0;
            int tail = 0;
            labels[seed] = clusters;
            queue[tail++] = seed;
            while (head < tail) {
                int[] block = Arrays.copyOfRange(queue, head, Math.min(tail, head + BLOCK));
                head += block.length;
                for (int[] list : index.neighbours(block)) {
                    for (int j : list) {
                        if (labels[j] == -1) {
                            labels[j] = clusters;
                            if (core[j]) {
                                queue[tail++] = j; // each core point enters the queue once
                            }
                        }
                    }
                }
            }
            clusters++;
        }
        DbscanModel model = new DbscanModel(labels, core, clusters, points, eps);
        listener.onEpochEnd(context, 0, Map.of("clusters", (double) clusters, "noise", (double) model.noiseCount()));
        listener.onTrainingEnd(context);
        return model;
    }
}

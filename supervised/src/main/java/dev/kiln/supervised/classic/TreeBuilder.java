package dev.kiln.supervised.classic;

import java.util.Arrays;
import java.util.function.IntUnaryOperator;

/**
 * Grows a CART tree depth-first (a node, then its left subtree, then its right), following
 * scikit-learn's {@code DepthFirstTreeBuilder} and {@code BestSplitter} step for step, so that a
 * Kiln tree is the tree scikit-learn grows from the same random draws:
 * <ul>
 *   <li><b>Feature order.</b> At each node the features are drawn one at a time without replacement
 *   (Fisher–Yates over one array kept for the whole tree, as scikit-learn's {@code features}), and
 *   the search keeps the <em>first</em> split whose score is strictly the best. Ties between
 *   features, which are common in small nodes (several features separate the same rows), are thus
 *   broken by the seeded random order, never by feature index: breaking them by index would bias a
 *   tree toward low-numbered features.</li>
 *   <li><b>Budget.</b> {@code maxFeatures} draws per node, where a constant feature counts as a draw,
 *   but the search goes on until at least one non-constant feature was examined. Features found
 *   constant in a node are remembered for its descendants and skipped without sorting.</li>
 *   <li><b>Thresholds.</b> Candidate cuts lie between two consecutive sorted values more than
 *   {@link #FEATURE_THRESHOLD} apart (closer values are one value); the threshold is their midpoint
 *   {@code a/2 + b/2}, or {@code a} when that rounds to {@code b}. A cut leaving fewer than
 *   {@code minSamplesLeaf} distinct rows on a side is skipped.</li>
 *   <li><b>Stopping.</b> A node is a leaf at {@code maxDepth}, below {@code minSamplesSplit} or
 *   {@code 2·minSamplesLeaf} rows, at impurity {@code <=} {@link #EPSILON}, or when no cut exists.</li>
 *   <li><b>Bootstrap samples</b> are weights: a row drawn {@code k} times is one row of weight
 *   {@code k} (row counts for the limits above are distinct rows, statistics are weighted).</li>
 * </ul>
 * Where scikit-learn uses float32 features, Kiln keeps doubles (ADR 0007), so values closer than
 * float32 resolution could split differently; on the reference datasets the trees are identical
 * (see {@code TreeSklearnParityTest}).
 */
final class TreeBuilder {
    /** scikit-learn's {@code FEATURE_THRESHOLD}: sorted values closer than this are one value. */
    static final double FEATURE_THRESHOLD = 1e-7;
    /** scikit-learn's {@code EPSILON} ({@code np.finfo(float).eps}): a node this pure is a leaf. */
    static final double EPSILON = Math.ulp(1.0);

    private final double[][] x;
    private final SplitCriterion criterion;
    private final int maxDepth;
    private final int minSamplesSplit;
    private final int minSamplesLeaf;
    private final int maxFeatures;
    private final IntUnaryOperator draw;
    private final int d;

    /** Feature order state for the whole tree (scikit-learn's {@code features}/{@code constant_features}). */
    private final int[] features;
    private final int[] constantFeatures;
    private double[] weight;

    // growable node arrays
    private int size;
    private int[] feature = new int[64];
    private double[] threshold = new double[64];
    private int[] left = new int[64];
    private int[] right = new int[64];
    private double[][] value = new double[64][];
    private int[] samples = new int[64];
    private double[] impurity = new double[64];

    // scratch for one node's sort and scan
    private final double[] sortVals;
    private final int[] sortIdx;
    private final double[] leftStats;

    /**
     * @param draw returns a uniform int in {@code [0, bound)} for the argument {@code bound}: the
     *     tree's random stream (Kiln's {@code Rng::nextInt}; tests may plug scikit-learn's)
     */
    TreeBuilder(double[][] x, SplitCriterion criterion, int maxDepth, int minSamplesSplit, int minSamplesLeaf,
            int maxFeatures, IntUnaryOperator draw) {
        this.x = x;
        this.criterion = criterion;
        this.maxDepth = maxDepth;
        this.minSamplesSplit = minSamplesSplit;
        this.minSamplesLeaf = minSamplesLeaf;
        this.d = x[0].length;
        this.maxFeatures = Math.max(1, Math.min(maxFeatures, d));
        this.draw = draw;
        this.features = new int[d];
        for (int f = 0; f < d; f++) {
            features[f] = f;
        }
        this.constantFeatures = new int[d];
        this.sortVals = new double[x.length];
        this.sortIdx = new int[x.length];
        this.leftStats = criterion.newStats();
    }

    /** Grows the tree on {@code rows}; a bootstrap sample may repeat rows (they become weights). */
    Tree build(int[] rows) {
        weight = new double[x.length];
        for (int r : rows) {
            weight[r]++;
        }
        int[] idx = new int[rows.length];
        int m = 0;
        for (int r = 0; r < x.length; r++) {
            if (weight[r] > 0) {
                idx[m++] = r; // ascending row order, as scikit-learn's samples array
            }
        }
        grow(idx, 0, m, 0, 0);
        return new Tree(Arrays.copyOf(feature, size), Arrays.copyOf(threshold, size), Arrays.copyOf(left, size),
                Arrays.copyOf(right, size), Arrays.copyOf(value, size), Arrays.copyOf(samples, size),
                Arrays.copyOf(impurity, size), d);
    }

    private void grow(int[] idx, int lo, int hi, int depth, int knownConstants) {
        int node = newNode();
        int n = hi - lo;
        double[] total = criterion.newStats();
        double wn = 0;
        for (int k = lo; k < hi; k++) {
            criterion.add(total, idx[k], weight[idx[k]]);
            wn += weight[idx[k]];
        }
        double nodeImpurity = criterion.impurity(total, wn);
        samples[node] = (int) wn;
        impurity[node] = nodeImpurity;
        value[node] = criterion.leafValue(total, wn);
        feature[node] = -1;
        if (depth >= maxDepth || n < minSamplesSplit || n < 2 * minSamplesLeaf || nodeImpurity <= EPSILON) {
            return;
        }
        Split best = findSplit(idx, lo, hi, total, wn, knownConstants);
        if (best.feature < 0) {
            return;
        }
        int mid = partition(idx, lo, hi, best.feature, best.threshold);
        feature[node] = best.feature;
        threshold[node] = best.threshold;
        left[node] = size;
        grow(idx, lo, mid, depth + 1, best.constants);
        right[node] = size;
        grow(idx, mid, hi, depth + 1, best.constants);
    }

    /** The chosen split ({@code feature == -1}: none) and the constant features known below it. */
    private record Split(int feature, double threshold, int constants) {
    }

    /**
     * scikit-learn's {@code BestSplitter.node_split}. Invariant of {@code features}: {@code
     * [0, drawn)} known constants already drawn, {@code [drawn, known)} known constants not drawn,
     * {@code [known, total)} constants found at this node, {@code [total, fi)} not drawn yet,
     * {@code [fi, d)} drawn and searched.
     */
    private Split findSplit(int[] idx, int lo, int hi, double[] total, double wn, int known) {
        int n = hi - lo;
        int fi = d;
        int visited = 0;
        int found = 0;
        int drawn = 0;
        int totalConstants = known;
        double bestProxy = Double.NEGATIVE_INFINITY;
        int bestFeature = -1;
        double bestThreshold = 0;
        while (fi > totalConstants && (visited < maxFeatures || visited <= found + drawn)) {
            visited++;
            int fj = drawn + draw.applyAsInt(fi - found - drawn);
            if (fj < known) {
                swap(features, drawn, fj);
                drawn++;
                continue;
            }
            fj += found;
            int f = features[fj];
            for (int k = 0; k < n; k++) {
                sortIdx[k] = idx[lo + k];
                sortVals[k] = x[sortIdx[k]][f];
            }
            PairSort.sort(sortVals, sortIdx, n);
            if (sortVals[n - 1] <= sortVals[0] + FEATURE_THRESHOLD) {
                swap(features, fj, totalConstants);
                found++;
                totalConstants++;
                continue;
            }
            fi--;
            swap(features, fi, fj);
            criterion.clear(leftStats);
            double wl = 0;
            int added = 0;
            int p = 0;
            while (p < n) {
                while (p + 1 < n && sortVals[p + 1] <= sortVals[p] + FEATURE_THRESHOLD) {
                    p++;
                }
                p++;
                if (p >= n || p < minSamplesLeaf || n - p < minSamplesLeaf) {
                    continue;
                }
                for (; added < p; added++) {
                    criterion.add(leftStats, sortIdx[added], weight[sortIdx[added]]);
                    wl += weight[sortIdx[added]];
                }
                double proxy = criterion.proxy(leftStats, wl, total, wn);
                if (proxy > bestProxy) {
                    bestProxy = proxy;
                    bestFeature = f;
                    double t = sortVals[p - 1] / 2.0 + sortVals[p] / 2.0;
                    bestThreshold = t == sortVals[p] || Double.isInfinite(t) ? sortVals[p - 1] : t;
                }
            }
        }
        // the known constants keep their order for siblings and descendants; remember the new ones
        System.arraycopy(constantFeatures, 0, features, 0, known);
        System.arraycopy(features, known, constantFeatures, known, found);
        return new Split(bestFeature, bestThreshold, totalConstants);
    }

    private static void swap(int[] a, int i, int j) {
        int t = a[i];
        a[i] = a[j];
        a[j] = t;
    }

    /** Stable partition of {@code idx[lo, hi)}: rows with {@code x[f] <= t} first. */
    private int partition(int[] idx, int lo, int hi, int f, double t) {
        int[] tmp = new int[hi - lo];
        int a = 0;
        int b = hi - lo;
        for (int k = lo; k < hi; k++) {
            if (x[idx[k]][f] <= t) {
                tmp[a++] = idx[k];
            } else {
                tmp[--b] = idx[k];
            }
        }
        for (int i = b, j = tmp.length - 1; i < j; i++, j--) {
            int s = tmp[i];
            tmp[i] = tmp[j];
            tmp[j] = s;
        }
        System.arraycopy(tmp, 0, idx, lo, tmp.length);
        return lo + a;
    }

    private int newNode() {
        if (size == feature.length) {
            int cap = size * 2;
            feature = Arrays.copyOf(feature, cap);
            threshold = Arrays.copyOf(threshold, cap);
            left = Arrays.copyOf(left, cap);
            right = Arrays.copyOf(right, cap);
            value = Arrays.copyOf(value, cap);
            samples = Arrays.copyOf(samples, cap);
            impurity = Arrays.copyOf(impurity, cap);
        }
        return size++;
    }
}

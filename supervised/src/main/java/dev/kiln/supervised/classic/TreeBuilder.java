package dev.kiln.supervised.classic;

import dev.kiln.core.tensor.Rng;
import java.util.Arrays;

/**
 * Grows a CART tree depth-first. At each node it visits the features in a seeded random order,
 * sorts the node's rows by each candidate feature and scans every boundary between distinct values
 * (threshold = midpoint), keeping the split with the largest impurity decrease (ties keep the first
 * found). Constant features do not count toward {@code maxFeatures}, and the search goes on past
 * {@code maxFeatures} until a valid split is found, as in scikit-learn.
 */
final class TreeBuilder {
    enum Criterion { GINI, ENTROPY, MSE }

    private final double[][] x;
    private final int[] labels; // classification
    private final double[] targets; // regression
    private final int classes;
    private final Criterion criterion;
    private final int maxDepth;
    private final int minSamplesSplit;
    private final int minSamplesLeaf;
    private final int maxFeatures;
    private final Rng rng;
    private final int d;

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
    private final double[] totalStats;

    TreeBuilder(double[][] x, int[] labels, double[] targets, int classes, Criterion criterion, int maxDepth,
            int minSamplesSplit, int minSamplesLeaf, int maxFeatures, Rng rng) {
        this.x = x;
        this.labels = labels;
        this.targets = targets;
        this.classes = classes;
        this.criterion = criterion;
        this.maxDepth = maxDepth;
        this.minSamplesSplit = minSamplesSplit;
        this.minSamplesLeaf = minSamplesLeaf;
        this.d = x[0].length;
        this.maxFeatures = Math.max(1, Math.min(maxFeatures, d));
        this.rng = rng;
        this.sortVals = new double[x.length];
        this.sortIdx = new int[x.length];
        int stats = criterion == Criterion.MSE ? 2 : classes;
        this.leftStats = new double[stats];
        this.totalStats = new double[stats];
    }

    /** Grows the tree on the rows {@code rows} (a bootstrap sample may repeat rows). */
    Tree build(int[] rows) {
        int[] idx = rows.clone();
        grow(idx, 0, idx.length, 0);
        return new Tree(Arrays.copyOf(feature, size), Arrays.copyOf(threshold, size), Arrays.copyOf(left, size),
                Arrays.copyOf(right, size), Arrays.copyOf(value, size), Arrays.copyOf(samples, size),
                Arrays.copyOf(impurity, size), d);
    }

    private int grow(int[] idx, int lo, int hi, int depth) {
        int node = newNode();
        int n = hi - lo;
        stats(idx, lo, hi, totalStats);
        double nodeImpurity = impurityOf(totalStats, n);
        samples[node] = n;
        impurity[node] = nodeImpurity;
        value[node] = leafValue(totalStats, n);
        feature[node] = -1;
        if (depth >= maxDepth || n < minSamplesSplit || n < 2 * minSamplesLeaf || nodeImpurity <= 1e-12) {
            return node;
        }
        Split best = findSplit(idx, lo, hi, nodeImpurity);
        if (best == null) {
            return node;
        }
        int mid = partition(idx, lo, hi, best.feature, best.threshold);
        feature[node] = best.feature;
        threshold[node] = best.threshold;
        int l = grow(idx, lo, mid, depth + 1);
        left[node] = l;
        int r = grow(idx, mid, hi, depth + 1);
        right[node] = r;
        return node;
    }

    private record Split(int feature, double threshold, double score) {
    }

    private Split findSplit(int[] idx, int lo, int hi, double nodeImpurity) {
        int n = hi - lo;
        int[] order = rng.permutation(d);
        Split best = null;
        int visited = 0;
        double[] total = totalStats.clone();
        for (int f : order) {
            if (visited >= maxFeatures && best != null) {
                break;
            }
            for (int k = 0; k < n; k++) {
                sortIdx[k] = idx[lo + k];
                sortVals[k] = x[sortIdx[k]][f];
            }
            PairSort.sort(sortVals, sortIdx, n);
            if (sortVals[0] == sortVals[n - 1]) {
                continue; // constant here: does not use up the feature budget
            }
            visited++;
            Arrays.fill(leftStats, 0);
            for (int p = 1; p < n; p++) {
                add(leftStats, sortIdx[p - 1]);
                if (sortVals[p] == sortVals[p - 1] || p < minSamplesLeaf || n - p < minSamplesLeaf) {
                    continue;
                }
                double score = proxy(leftStats, p, total, n - p);
                if (best == null || score > best.score) {
                    double t = (sortVals[p - 1] + sortVals[p]) / 2;
                    if (t >= sortVals[p]) {
                        t = sortVals[p - 1]; // midpoint rounded up to the right value
                    }
                    best = new Split(f, t, score);
                }
            }
        }
        return best;
    }

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
        // keep the right side in its original order too, so the result does not depend on traversal quirks
        for (int i = b, j = tmp.length - 1; i < j; i++, j--) {
            int s = tmp[i];
            tmp[i] = tmp[j];
            tmp[j] = s;
        }
        System.arraycopy(tmp, 0, idx, lo, tmp.length);
        return lo + a;
    }

    private void stats(int[] idx, int lo, int hi, double[] out) {
        Arrays.fill(out, 0);
        for (int k = lo; k < hi; k++) {
            add(out, idx[k]);
        }
    }

    private void add(double[] s, int row) {
        if (criterion == Criterion.MSE) {
            double t = targets[row];
            s[0] += t;
            s[1] += t * t;
        } else {
            s[labels[row]]++;
        }
    }

    private double impurityOf(double[] s, int n) {
        switch (criterion) {
            case MSE -> {
                double mean = s[0] / n;
                return Math.max(0, s[1] / n - mean * mean);
            }
            case GINI -> {
                double sq = 0;
                for (double c : s) {
                    sq += c * c;
                }
                return 1 - sq / ((double) n * n);
            }
            default -> {
                double h = 0;
                for (double c : s) {
                    if (c > 0) {
                        double p = c / n;
                        h -= p * Math.log(p) / Math.log(2);
                    }
                }
                return h;
            }
        }
    }

    /**
     * A score that orders splits like the impurity decrease but is cheaper: minus the weighted
     * child impurity {@code -(nL·I(L) + nR·I(R))}, with the constant terms of gini and MSE dropped.
     */
    private double proxy(double[] l, int nl, double[] total, int nr) {
        if (criterion == Criterion.ENTROPY) {
            double[] r = new double[l.length];
            for (int c = 0; c < l.length; c++) {
                r[c] = total[c] - l[c];
            }
            return -(nl * impurityOf(l, nl) + nr * impurityOf(r, nr));
        }
        if (criterion == Criterion.MSE) {
            double sr = total[0] - l[0];
            return l[0] * l[0] / nl + sr * sr / nr;
        }
        double sl = 0;
        double sr = 0;
        for (int c = 0; c < l.length; c++) {
            double rc = total[c] - l[c];
            sl += l[c] * l[c];
            sr += rc * rc;
        }
        return sl / nl + sr / nr;
    }

    private double[] leafValue(double[] s, int n) {
        if (criterion == Criterion.MSE) {
            return new double[] {s[0] / n};
        }
        double[] p = new double[classes];
        for (int c = 0; c < classes; c++) {
            p[c] = s[c] / n;
        }
        return p;
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

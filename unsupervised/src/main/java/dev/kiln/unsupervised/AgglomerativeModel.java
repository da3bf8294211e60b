package dev.kiln.unsupervised;

import dev.kiln.core.ml.Clusterer;
import dev.kiln.core.ml.Features;
import java.util.Arrays;
import java.util.List;

/**
 * The dendrogram of an {@link Agglomerative} run ({@link #merges()}, n − 1 merges sorted by
 * distance) and its cut into flat clusters. Flat labels are numbered in order of each cluster's
 * lowest point index, so they do not depend on merge order.
 *
 * <p>A hierarchy has no rule for points it never saw (scikit-learn offers only {@code fit_predict});
 * Kiln's {@link #predict} gives a new row the cluster of its nearest training point, the one rule
 * that agrees with every linkage on the training points themselves.
 */
public final class AgglomerativeModel implements Clusterer {
    private final int n;
    private final List<Merge> merges;
    private final int nClusters;
    private final int[] labels;
    private final Points train;

    AgglomerativeModel(int n, List<Merge> merges, int nClusters, Points train) {
        this.n = n;
        this.merges = List.copyOf(merges);
        this.nClusters = nClusters;
        this.labels = cut(nClusters);
        this.train = train;
    }

    @Override
    public int numClusters() {
        return nClusters;
    }

    /** The cluster of the nearest training point (the first of equally near ones). */
    @Override
    public int[] predict(Features features) {
        int d = train.cols();
        features.requireFinite("AgglomerativeModel.predict", d);
        int[] out = new int[features.size()];
        for (int i = 0; i < out.length; i++) {
            double[] x = features.row(i);
            double best = Double.POSITIVE_INFINITY;
            for (int t = 0; t < n; t++) {
                double s = 0;
                for (int j = 0; j < d; j++) {
                    double e = x[j] - train.get(t, j);
                    s += e * e;
                }
                if (s < best) {
                    best = s;
                    out[i] = labels[t];
                }
            }
        }
        return out;
    }

    /** All merges in SciPy's linkage-matrix order. */
    public List<Merge> merges() {
        return merges;
    }

    /** Labels of the training points for the requested number of clusters. */
    @Override
    public int[] labels() {
        return labels.clone();
    }

    /** Flat clusters after the first {@code n − clusters} merges. */
    public int[] cut(int clusters) {
        if (clusters < 1 || clusters > n) {
            throw new IllegalArgumentException("AgglomerativeModel.cut: clusters must be in [1, " + n + "], got "
                    + clusters);
        }
        return flatten(n - clusters);
    }

    /** Flat clusters from every merge at a distance up to {@code threshold}. */
    public int[] cutAtDistance(double threshold) {
        int m = 0;
        while (m < merges.size() && merges.get(m).distance() <= threshold) {
            m++;
        }
        return flatten(m);
    }

    private int[] flatten(int mergeCount) {
        int[] parent = new int[2 * n - 1];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        for (int m = 0; m < mergeCount; m++) {
            Merge g = merges.get(m);
            parent[g.left()] = n + m;
            parent[g.right()] = n + m;
        }
        int[] rootLabel = new int[2 * n - 1];
        Arrays.fill(rootLabel, -1);
        int[] out = new int[n];
        int next = 0;
        for (int i = 0; i < n; i++) {
            int r = i;
            while (parent[r] != r) {
                r = parent[r];
            }
            if (rootLabel[r] < 0) {
                rootLabel[r] = next++;
            }
            out[i] = rootLabel[r];
        }
        return out;
    }

    Points train() {
        return train;
    }
}

package dev.kiln.unsupervised;

import java.util.Arrays;
import java.util.List;

/**
 * The dendrogram of an {@link Agglomerative} run ({@link #merges()}, n − 1 merges sorted by
 * distance) and its cut into flat clusters. Flat labels are numbered in order of each cluster's
 * lowest point index, so they do not depend on merge order.
 */
public final class AgglomerativeModel {
    private final int n;
    private final List<Merge> merges;
    private final int[] labels;

    AgglomerativeModel(int n, List<Merge> merges, int nClusters) {
        this.n = n;
        this.merges = List.copyOf(merges);
        this.labels = cut(nClusters);
    }

    /** All merges in SciPy's linkage-matrix order. */
    public List<Merge> merges() {
        return merges;
    }

    /** Labels of the training points for the requested number of clusters. */
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
}

package dev.kiln.unsupervised;

/** The result of {@link Dbscan}: a label per point ({@code -1} = noise) and which points are core points. */
public final class DbscanModel {
    private final int[] labels;
    private final boolean[] core;
    private final int clusters;

    DbscanModel(int[] labels, boolean[] core, int clusters) {
        this.labels = labels;
        this.core = core;
        this.clusters = clusters;
    }

    public int[] labels() {
        return labels.clone();
    }

    public boolean isCore(int i) {
        return core[i];
    }

    /** Number of clusters found (labels are 0..clusters-1). */
    public int clusters() {
        return clusters;
    }

    public int noiseCount() {
        int c = 0;
        for (int l : labels) {
            c += l == -1 ? 1 : 0;
        }
        return c;
    }
}

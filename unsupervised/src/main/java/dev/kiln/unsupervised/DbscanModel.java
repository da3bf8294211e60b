package dev.kiln.unsupervised;

import dev.kiln.core.ml.Clusterer;
import dev.kiln.core.ml.Features;

/**
 * The result of {@link Dbscan}: a label per point ({@code -1} = noise) and which points are core
 * points. A new row joins the cluster of its nearest core point within {@code eps} (the rule
 * DBSCAN itself uses for border points), else it is noise.
 */
public final class DbscanModel implements Clusterer {
    private final int[] labels;
    private final boolean[] core;
    private final int clusters;

    private final double[][] corePoints;
    private final int[] coreLabels;
    private final double eps;

    DbscanModel(int[] labels, boolean[] core, int clusters, Points points, double eps) {
        this.labels = labels;
        this.eps = eps;
        int n = 0;
        for (boolean c : core) {
            n += c ? 1 : 0;
        }
        this.corePoints = new double[n][];
        this.coreLabels = new int[n];
        for (int i = 0, j = 0; i < core.length; i++) {
            if (core[i]) {
                corePoints[j] = points.row(i);
                coreLabels[j++] = labels[i];
            }
        }
        this.core = core;
        this.clusters = clusters;
    }

    @Override
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

    @Override
    public int numClusters() {
        return clusters;
    }

    /** The cluster of the nearest core point within {@code eps} (first of equally near ones), else {@code -1}. */
    @Override
    public int[] predict(Features features) {
        int d = corePoints.length == 0 ? features.width() : corePoints[0].length;
        features.requireFinite("DbscanModel.predict", d);
        double eps2 = eps * eps;
        int[] out = new int[features.size()];
        for (int i = 0; i < out.length; i++) {
            double[] x = features.row(i);
            double best = Double.POSITIVE_INFINITY;
            int label = -1;
            for (int c = 0; c < corePoints.length; c++) {
                double s = 0;
                for (int j = 0; j < d; j++) {
                    double diff = x[j] - corePoints[c][j];
                    s += diff * diff;
                }
                if (s <= eps2 && s < best) {
                    best = s;
                    label = coreLabels[c];
                }
            }
            out[i] = label;
        }
        return out;
    }

    public int noiseCount() {
        int c = 0;
        for (int l : labels) {
            c += l == -1 ? 1 : 0;
        }
        return c;
    }

    boolean[] coreFlags() {
        return core;
    }

    double eps() {
        return eps;
    }

    double[][] corePoints() {
        return corePoints;
    }

    int[] coreLabels() {
        return coreLabels;
    }

    /** A model read back from a file: the core points are stored, not re-selected. */
    DbscanModel(int[] labels, boolean[] core, int clusters, double[][] corePoints, int[] coreLabels, double eps) {
        this.labels = labels;
        this.core = core;
        this.clusters = clusters;
        this.corePoints = corePoints;
        this.coreLabels = coreLabels;
        this.eps = eps;
    }
}

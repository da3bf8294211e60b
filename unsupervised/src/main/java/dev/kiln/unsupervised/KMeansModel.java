package dev.kiln.unsupervised;

import dev.kiln.core.ml.Clusterer;
import dev.kiln.core.ml.Features;
import dev.kiln.core.backend.Backend;

/**
 * A fitted k-means model: the centres, the training labels and inertia, and predict/transform for
 * new points (distances on the backend the model was fitted with).
 */
public final class KMeansModel implements Clusterer {
    private final float[] centres;
    private final int cols;
    private final int[] labels;
    private final double inertia;
    private final int iterations;
    private final Backend backend;

    KMeansModel(float[] centres, int cols, int[] labels, double inertia, int iterations, Backend backend) {
        this.centres = centres;
        this.cols = cols;
        this.labels = labels;
        this.inertia = inertia;
        this.iterations = iterations;
        this.backend = backend;
    }

    public int k() {
        return centres.length / cols;
    }

    /** Centres as {@code [k][features]}. */
    public double[][] centres() {
        double[][] out = new double[k()][cols];
        for (int c = 0; c < out.length; c++) {
            for (int j = 0; j < cols; j++) {
                out[c][j] = centres[c * cols + j];
            }
        }
        return out;
    }

    /** Cluster index of each training point. */
    @Override
    public int[] labels() {
        return labels.clone();
    }

    /** Sum of squared distances of the training points to their centres. */
    public double inertia() {
        return inertia;
    }

    /** Lloyd iterations run by the winning restart. */
    public int iterations() {
        return iterations;
    }

    @Override
    public int numClusters() {
        return k();
    }

    /** Nearest centre of each row. */
    @Override
    public int[] predict(Features features) {
        return predict(Points.of(features));
    }

    /** Nearest centre of each point. */
    public int[] predict(Points points) {
        points.requireCols(cols, "KMeansModel.predict");
        return new SquaredDistances(points, backend).assign(centres).labels();
    }

    /** Euclidean distances {@code [n][k]} from each point to each centre (scikit-learn's transform). */
    public double[][] transform(Points points) {
        points.requireCols(cols, "KMeansModel.transform");
        int k = k();
        float[] sq = new SquaredDistances(points, backend).to(centres).toArray();
        double[][] out = new double[points.rows()][k];
        for (int i = 0; i < out.length; i++) {
            for (int c = 0; c < k; c++) {
                out[i][c] = Math.sqrt(sq[i * k + c]); // sq is [n, k]
            }
        }
        return out;
    }

    /** Inertia of {@code points} under this model (minus scikit-learn's {@code score}). */
    public double inertia(Points points) {
        points.requireCols(cols, "KMeansModel.inertia");
        return new SquaredDistances(points, backend).assign(centres).inertia();
    }

    float[] rawCentres() {
        return centres;
    }

    int cols() {
        return cols;
    }
}

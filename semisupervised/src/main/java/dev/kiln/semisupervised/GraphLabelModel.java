package dev.kiln.semisupervised;

import dev.kiln.core.ml.Classifier;
import dev.kiln.core.ml.Features;
import dev.kiln.core.train.TrainingContext;
import dev.kiln.core.train.TrainingListener;
import java.util.Map;

/**
 * A fitted label propagation or spreading model (scikit-learn's {@code BaseLabelPropagation}):
 * the label distribution of every training row (labelled first, then unlabelled), its
 * transduction, and {@link #predictProba} for new rows — for kNN the summed distributions of the
 * k nearest training rows, for RBF the kernel-weighted sum of all distributions. A row whose
 * distribution has no mass (no affinity to any labelled row) gets the uniform distribution, so no
 * result is ever NaN; its label is then class 0, the lowest-index tie.
 */
public final class GraphLabelModel implements Classifier {
    /** The graph's edge weights. */
    public enum Kernel { RBF, KNN }

    private final double[][] train;
    private final double[][] distributions;
    private final int classes;
    private final Kernel kernel;
    private final double gamma;
    private final int k;
    private final int iterations;
    private final boolean converged;

    private GraphLabelModel(double[][] train, double[][] distributions, int classes, Kernel kernel, double gamma, int k,
                            int iterations, boolean converged) {
        this.train = train;
        this.distributions = distributions;
        this.classes = classes;
        this.kernel = kernel;
        this.gamma = gamma;
        this.k = k;
        this.iterations = iterations;
        this.converged = converged;
    }

    /**
     * The shared iteration. Spreading ({@code alpha != null}): {@code F ← α S F + (1 − α) Y};
     * propagation: {@code F ← P F}, rows normalised, labelled rows clamped to their labels. Stops
     * when the summed absolute change is below {@code tol} (checked before each step, as
     * scikit-learn does) or after {@code maxIter} steps.
     */
    static GraphLabelModel fit(String who, SemiSupervisedSet data, Kernel kernel, double gamma, int k, Double alpha,
                               int maxIter, double tol, TrainingListener listener) {
        double[][] x = data.allRows().rows();
        Features.of(x).requireFinite(who, data.width());
        int n = x.length;
        int nl = data.labelledSize();
        int classes = data.numClasses();
        Affinity.Graph w = kernel == Kernel.KNN ? Affinity.knn(x, k) : new Affinity.Dense(Affinity.rbf(x, x, gamma));
        Affinity.Graph g = alpha != null ? Affinity.spreadingOperator(w, n) : Affinity.propagationOperator(w, n);
        double[][] yStatic = new double[n][classes];
        for (int i = 0; i < nl; i++) {
            yStatic[i][data.labelled().labels()[i]] = alpha != null ? 1 - alpha : 1;
        }
        double[][] f = new double[n][];
        for (int i = 0; i < n; i++) {
            f[i] = new double[classes];
            if (i < nl) {
                f[i][data.labelled().labels()[i]] = 1;
            }
        }
        double[][] previous = new double[n][classes];
        TrainingContext ctx = new TrainingContext(who, maxIter, 1);
        listener.onTrainingStart(ctx);
        int it = 0;
        boolean converged = false;
        for (; it < maxIter; it++) {
            double change = 0;
            for (int i = 0; i < n; i++) {
                for (int c = 0; c < classes; c++) {
                    change += Math.abs(f[i][c] - previous[i][c]);
                }
            }
            if (change < tol) {
                converged = true;
                break;
            }
            previous = f;
            f = g.times(f);
            if (alpha != null) {
                for (int i = 0; i < n; i++) {
                    for (int c = 0; c < classes; c++) {
                        f[i][c] = alpha * f[i][c] + yStatic[i][c];
                    }
                }
            } else {
                for (int i = 0; i < n; i++) {
                    if (i < nl) {
                        f[i] = yStatic[i].clone();
                    } else {
                        normalise(f[i], false);
                    }
                }
            }
            listener.onEpochEnd(ctx, it + 1, Map.of("change", change));
        }
        for (double[] row : f) {
            normalise(row, true);
        }
        listener.onTrainingEnd(ctx);
        return new GraphLabelModel(x, f, classes, kernel, gamma, k, it, converged);
    }

    /** Divides a row by its sum; a zero row stays zero, or becomes uniform when {@code uniformIfEmpty}. */
    private static void normalise(double[] row, boolean uniformIfEmpty) {
        double s = 0;
        for (double v : row) {
            s += v;
        }
        if (s == 0) {
            if (uniformIfEmpty) {
                java.util.Arrays.fill(row, 1.0 / row.length);
            }
            return;
        }
        for (int c = 0; c < row.length; c++) {
            row[c] /= s;
        }
    }

    @Override
    public double[][] predictProba(Features features) {
        features.requireFinite("GraphLabelModel", train[0].length);
        double[][] q = features.rows();
        double[][] out;
        if (kernel == Kernel.KNN) {
            int[][] nb = Affinity.nearest(q, train, k);
            out = new double[q.length][classes];
            for (int i = 0; i < q.length; i++) {
                for (int j : nb[i]) {
                    for (int c = 0; c < classes; c++) {
                        out[i][c] += distributions[j][c];
                    }
                }
            }
        } else {
            out = new Affinity.Dense(Affinity.rbf(q, train, gamma)).times(distributions);
        }
        for (double[] row : out) {
            normalise(row, true);
        }
        return out;
    }

    @Override
    public int[] predict(Features features) {
        return Classifier.argmax(predictProba(features));
    }

    @Override
    public int numClasses() {
        return classes;
    }

    /** Label of every training row (labelled first, then unlabelled): scikit-learn's {@code transduction_}. */
    public int[] transduction() {
        return Classifier.argmax(distributions);
    }

    /** Normalised label distribution of every training row (a copy): {@code label_distributions_}. */
    public double[][] labelDistributions() {
        double[][] out = new double[distributions.length][];
        for (int i = 0; i < out.length; i++) {
            out[i] = distributions[i].clone();
        }
        return out;
    }

    /** Steps run ({@code n_iter_}). */
    public int iterations() {
        return iterations;
    }

    /** Whether the change fell below tol before maxIter. */
    public boolean converged() {
        return converged;
    }
}

package dev.kiln.supervised.classic;

import dev.kiln.core.component.Doc;
import dev.kiln.core.component.HyperParameters;
import dev.kiln.core.component.Range;
import dev.kiln.core.ml.ClassificationSet;
import dev.kiln.core.tensor.Rng;
import dev.kiln.core.train.Trainer;
import dev.kiln.core.train.TrainingContext;
import dev.kiln.core.train.TrainingListener;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Linear SVM with the hinge loss, {@code min ½||w||² + C Σ max(0, 1 - y_i (w·x_i + b))}, solved by
 * dual coordinate descent (Hsieh et al. 2008, liblinear's L1-loss dual solver) with a seeded shuffle
 * each pass. As in liblinear the bias is a constant feature of value 1 (so it is regularised too).
 * Several classes are handled one-vs-rest (like scikit-learn's {@code LinearSVC}); probabilities are
 * Platt sigmoids on the training decision values, normalised across classes.
 */
public final class LinearSvm implements Trainer<ClassificationSet, LinearSvmModel> {
    private static final Logger LOG = LoggerFactory.getLogger(LinearSvm.class);

    private final double c;
    private final double tol;
    private final int maxIter;
    private final long seed;

    /** The hyper-parameters (C = 1, tol 1e-4, at most 1000 passes, seed 0). */
    public record Config(@Doc("penalty on margin violations (larger fits the training data harder)") @Range(min = 0, minExclusive = true, max = Double.MAX_VALUE) double c,
                         @Doc("stopping tolerance on the projected-gradient gap") @Range(min = 0, minExclusive = true, max = Double.MAX_VALUE) double tol,
                         @Doc("most passes over the data") @Range(min = 1) int maxIter,
                         @Doc("seed of the shuffle each pass") long seed) {
        public Config {
            HyperParameters.check(Config.class, c, tol, maxIter, seed);
        }

        public static final Config DEFAULTS = new Config(1.0, 1e-4, 1000, 0);
    }

    public LinearSvm(Config config) {
        this.c = config.c();
        this.tol = config.tol();
        this.maxIter = config.maxIter();
        this.seed = config.seed();
    }

    public LinearSvm(double c, double tol, int maxIter, long seed) {
        this(new Config(c, tol, maxIter, seed));
    }

    public Config config() {
        return new Config(c, tol, maxIter, seed);
    }

    /** C = 1, tol 1e-4, at most 1000 passes, seed 0. */
    public LinearSvm() {
        this(1.0, 1e-4, 1000, 0);
    }

    @Override
    public LinearSvmModel fit(ClassificationSet data, TrainingListener listener) {
        int k = Rows.checkClassification(data, "LinearSvm");
        double[][] x = data.features();
        int d = x[0].length;
        int machines = k == 2 ? 1 : k;
        TrainingContext ctx = new TrainingContext("LinearSvm", machines, 0);
        listener.onTrainingStart(ctx);
        Rng rng = new Rng(seed);
        double[][] w = new double[machines][];
        double[] b = new double[machines];
        Platt[] platt = new Platt[machines];
        for (int m = 0; m < machines; m++) {
            int positive = k == 2 ? 1 : m;
            int[] y = new int[x.length];
            boolean[] pos = new boolean[x.length];
            for (int i = 0; i < x.length; i++) {
                pos[i] = data.labels()[i] == positive;
                y[i] = pos[i] ? 1 : -1;
            }
            double[] wb = solve(x, y, d, rng.split());
            w[m] = java.util.Arrays.copyOf(wb, d);
            b[m] = wb[d];
            double[] dec = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                dec[i] = Rows.dot(x[i], w[m]) + b[m];
            }
            // Platt's sigmoid is P(+1) = 1 / (1 + exp(A f + B)); it is fitted so large f means "positive"
            platt[m] = Platt.fit(dec, pos);
            listener.onEpochEnd(ctx, m, Map.of());
        }
        listener.onTrainingEnd(ctx);
        return new LinearSvmModel(w, b, platt, k);
    }

    /** Returns {@code [w_0..w_{d-1}, b]}. */
    private double[] solve(double[][] x, int[] y, int d, Rng rng) {
        int n = x.length;
        double[] w = new double[d + 1];
        double[] alpha = new double[n];
        double[] qd = new double[n];
        for (int i = 0; i < n; i++) {
            qd[i] = Rows.dot(x[i], x[i]) + 1; // + 1 for the bias feature
        }
        for (int pass = 0; pass < maxIter; pass++) {
            double maxPg = Double.NEGATIVE_INFINITY;
            double minPg = Double.POSITIVE_INFINITY;
            for (int i : rng.permutation(n)) {
                double g = y[i] * (dot(w, x[i], d)) - 1;
                double pg = alpha[i] == 0 ? Math.min(g, 0) : alpha[i] == c ? Math.max(g, 0) : g;
                maxPg = Math.max(maxPg, pg);
                minPg = Math.min(minPg, pg);
                if (pg != 0) {
                    double old = alpha[i];
                    alpha[i] = Math.min(Math.max(old - g / qd[i], 0), c);
                    double step = (alpha[i] - old) * y[i];
                    for (int j = 0; j < d; j++) {
                        w[j] += step * x[i][j];
                    }
                    w[d] += step;
                }
            }
            // no equality constraint (the bias is a feature), so optimality is every projected gradient ~ 0
            if (maxPg < tol && minPg > -tol) {
                return w;
            }
        }
        LOG.warn("LinearSvm did not converge in {} passes; scale the features or raise maxIter", maxIter);
        return w;
    }

    private static double dot(double[] w, double[] xi, int d) {
        double s = w[d];
        for (int j = 0; j < d; j++) {
            s += w[j] * xi[j];
        }
        return s;
    }
}

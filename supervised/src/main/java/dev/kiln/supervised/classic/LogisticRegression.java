package dev.kiln.supervised.classic;

import dev.kiln.core.component.Doc;
import dev.kiln.core.component.HyperParameters;
import dev.kiln.core.component.Range;
import dev.kiln.core.ml.ClassificationSet;
import dev.kiln.core.train.Trainer;
import dev.kiln.core.train.TrainingContext;
import dev.kiln.core.train.TrainingListener;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logistic regression, binary (sigmoid) or multinomial (softmax), with scikit-learn's objective
 * {@code C · Σ loss_i + penalty(W)} and defaults (L2, C = 1, unpenalised intercept). Kiln minimises
 * the same objective divided by {@code C·n}, which has the same minimiser and better scaling. L2 and
 * no penalty use L-BFGS; L1 ({@code ||W||₁}) uses FISTA (accelerated proximal gradient with soft
 * thresholding and a backtracking step), which gives exact zeros.
 */
public final class LogisticRegression implements Trainer<ClassificationSet, LogisticModel> {
    private static final Logger LOG = LoggerFactory.getLogger(LogisticRegression.class);

    public enum Penalty { L2, L1, NONE }

    private final Penalty penalty;
    private final double c;
    private final int maxIter;
    private final double tol;

    /** The hyper-parameters (scikit-learn's names and defaults: L2, C = 1). */
    public record Config(@Doc("L2 (L-BFGS), L1 (FISTA, exact zeros) or NONE") Penalty penalty,
                         @Doc("inverse regularisation strength (smaller is stronger)") @Range(min = 0, minExclusive = true, max = Double.MAX_VALUE) double c,
                         @Doc("most solver iterations") @Range(min = 1) int maxIter,
                         @Doc("tolerance on the largest gradient component (L-BFGS) or parameter change (FISTA)") @Range(min = 0, minExclusive = true, max = Double.MAX_VALUE) double tol) {
        public Config {
            HyperParameters.check(Config.class, penalty, c, maxIter, tol);
        }

        public static final Config DEFAULTS = new Config(Penalty.L2, 1.0, 1000, 1e-6);
    }

    public LogisticRegression(Config config) {
        this.penalty = config.penalty();
        this.c = config.c();
        this.maxIter = config.maxIter();
        this.tol = config.tol();
    }

    /** L2 penalty with C = 1 (scikit-learn's defaults). */
    public LogisticRegression() {
        this(Config.DEFAULTS);
    }

    public Config config() {
        return new Config(penalty, c, maxIter, tol);
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public LogisticModel fit(ClassificationSet data, TrainingListener listener) {
        int k = Rows.checkClassification(data, "LogisticRegression");
        double[][] x = data.features();
        int n = x.length;
        int d = x[0].length;
        double reg = 1.0 / (c * n);
        TrainingContext ctx = new TrainingContext("LogisticRegression", maxIter, 0);
        listener.onTrainingStart(ctx);
        LogisticObjective smooth = new LogisticObjective(x, data.labels(), k, penalty == Penalty.L2 ? reg : 0);
        double[] p;
        int iterations;
        boolean converged;
        if (penalty == Penalty.L1) {
            Fista.Result r = Fista.minimize(smooth, new double[smooth.size()], reg, d, maxIter, tol);
            p = r.x();
            iterations = r.iterations();
            converged = r.converged();
        } else {
            Lbfgs.Result r = new Lbfgs(10, maxIter, tol).minimize(smooth, new double[smooth.size()]);
            p = r.x();
            iterations = r.iterations();
            converged = r.converged();
        }
        if (!converged) {
            LOG.warn("LogisticRegression did not converge in {} iterations; scale the features or raise maxIter",
                    maxIter);
        }
        listener.onEpochEnd(ctx, iterations, Map.of("loss", smooth.evaluate(p, new double[p.length])));
        listener.onTrainingEnd(ctx);
        int m = smooth.scores();
        double[][] w = new double[m][d];
        double[] b = new double[m];
        for (int s = 0; s < m; s++) {
            System.arraycopy(p, s * (d + 1), w[s], 0, d);
            b[s] = p[s * (d + 1) + d];
        }
        return new LogisticModel(w, b, k);
    }

    public static final class Builder {
        private Penalty penalty = Penalty.L2;
        private double c = 1.0;
        private int maxIter = 1000;
        private double tol = 1e-6;

        public Builder penalty(Penalty penalty) {
            this.penalty = penalty;
            return this;
        }

        /** Inverse regularisation strength (smaller is stronger), as in scikit-learn. */
        public Builder c(double c) {
            this.c = c;
            return this;
        }

        public Builder maxIter(int maxIter) {
            this.maxIter = maxIter;
            return this;
        }

        /** Convergence tolerance on the largest gradient component (L-BFGS) or parameter change (FISTA). */
        public Builder tol(double tol) {
            this.tol = tol;
            return this;
        }

        public LogisticRegression build() {
            return new LogisticRegression(new Config(penalty, c, maxIter, tol));
        }
    }
}

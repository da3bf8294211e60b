package dev.kiln.supervised.classic;

import dev.kiln.core.component.Doc;
import dev.kiln.core.component.HyperParameters;
import dev.kiln.core.component.Range;
import dev.kiln.core.ml.RegressionSet;
import dev.kiln.core.train.Trainer;
import dev.kiln.core.train.TrainingContext;
import dev.kiln.core.train.TrainingListener;
import java.util.Map;

/**
 * Lasso by cyclic coordinate descent on scikit-learn's objective
 * {@code (1/2n) ||y - Xw||² + alpha ||w||₁} with an unpenalised intercept (centred data). Each
 * coordinate step is a soft threshold; it stops when the largest coefficient change in a sweep is
 * below {@code tol · max|w|} or after {@code maxIter} sweeps (scikit-learn's defaults: alpha 1,
 * 1000 sweeps, tol 1e-4).
 */
public final class Lasso implements Trainer<RegressionSet, LinearModel> {
    private final double alpha;
    private final int maxIter;
    private final double tol;
    private final boolean fitIntercept;

    /** The hyper-parameters (scikit-learn's defaults: alpha 1, 1000 sweeps, tol 1e-4). */
    public record Config(@Doc("L1 penalty weight") @Range(min = 0, max = Double.MAX_VALUE) double alpha,
                         @Doc("most coordinate-descent sweeps") @Range(min = 1) int maxIter,
                         @Doc("stop when the largest change in a sweep is below tol * max|w|") @Range(min = 0, minExclusive = true, max = Double.MAX_VALUE) double tol,
                         @Doc("fit an unpenalised intercept") boolean fitIntercept) {
        public Config {
            HyperParameters.check(Config.class, alpha, maxIter, tol, fitIntercept);
        }

        public static final Config DEFAULTS = new Config(1.0, 1000, 1e-4, true);
    }

    public Lasso(Config config) {
        this.alpha = config.alpha();
        this.maxIter = config.maxIter();
        this.tol = config.tol();
        this.fitIntercept = config.fitIntercept();
    }

    public Lasso(double alpha, int maxIter, double tol, boolean fitIntercept) {
        this(new Config(alpha, maxIter, tol, fitIntercept));
    }

    public Config config() {
        return new Config(alpha, maxIter, tol, fitIntercept);
    }

    public Lasso(double alpha) {
        this(alpha, 1000, 1e-4, true);
    }

    public Lasso() {
        this(1.0);
    }

    @Override
    public LinearModel fit(RegressionSet data, TrainingListener listener) {
        int d = Rows.checkRegression(data, "Lasso");
        Centered c = Centered.of(data.features(), data.targets(), fitIntercept);
        double[][] x = c.x();
        int n = x.length;
        double[] colSq = new double[d];
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                colSq[j] += row[j] * row[j];
            }
        }
        double[] w = new double[d];
        double[] residual = c.y().clone(); // y - Xw, kept up to date after every coordinate step
        TrainingContext ctx = new TrainingContext("Lasso", maxIter, 0);
        listener.onTrainingStart(ctx);
        for (int sweep = 0; sweep < maxIter && !ctx.stopRequested(); sweep++) {
            double maxChange = 0;
            double maxW = 0;
            for (int j = 0; j < d; j++) {
                if (colSq[j] == 0) {
                    continue; // a constant column: its coefficient stays 0
                }
                double rho = 0;
                for (int i = 0; i < n; i++) {
                    rho += x[i][j] * (residual[i] + x[i][j] * w[j]);
                }
                double updated = softThreshold(rho, n * alpha) / colSq[j];
                double delta = updated - w[j];
                if (delta != 0) {
                    for (int i = 0; i < n; i++) {
                        residual[i] -= x[i][j] * delta;
                    }
                    w[j] = updated;
                }
                maxChange = Math.max(maxChange, Math.abs(delta));
                maxW = Math.max(maxW, Math.abs(w[j]));
            }
            listener.onEpochEnd(ctx, sweep, Map.of("max_change", maxChange));
            if (maxW == 0 || maxChange <= tol * maxW) {
                break;
            }
        }
        listener.onTrainingEnd(ctx);
        return c.model(w);
    }

    static double softThreshold(double v, double t) {
        return v > t ? v - t : v < -t ? v + t : 0;
    }
}

package dev.kiln.supervised.classic;

import dev.kiln.core.component.Doc;
import dev.kiln.core.component.HyperParameters;
import dev.kiln.core.component.Range;
import dev.kiln.core.ml.RegressionSet;
import dev.kiln.core.tensor.Rng;
import dev.kiln.core.train.Trainer;
import dev.kiln.core.train.TrainingContext;
import dev.kiln.core.train.TrainingListener;
import java.util.Map;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.SingularMatrixException;

/**
 * Ordinary least squares and ridge regression. The {@link Solver#QR} solver is exact: it solves
 * {@code min ||y - Xw||² + alpha ||w||²} by a QR decomposition (Commons Math) of X stacked on
 * {@code sqrt(alpha)·I}, with centred data so the intercept is not penalised (scikit-learn's
 * {@code LinearRegression} / {@code Ridge}). {@link Solver#SGD} minimises the same objective divided
 * by n with per-row stochastic gradient steps, a learning rate {@code eta0 / t^0.25} (scikit-learn's
 * "invscaling") and a seeded shuffle each epoch; it suits data too big for one decomposition.
 */
public final class LinearRegression implements Trainer<RegressionSet, LinearModel> {
    public enum Solver { QR, SGD }

    private final double alpha;
    private final boolean fitIntercept;
    private final Solver solver;
    private final int epochs;
    private final double eta0;
    private final long seed;

    /** The hyper-parameters: alpha 0 is ordinary least squares, alpha > 0 ridge. */
    public record Config(@Doc("L2 penalty; 0 is ordinary least squares") @Range(min = 0, max = Double.MAX_VALUE) double alpha,
                         @Doc("fit an unpenalised intercept") boolean fitIntercept,
                         @Doc("QR (exact) or SGD (per-row steps, for data too big for one decomposition)") Solver solver,
                         @Doc("passes over the data (SGD)") @Range(min = 1) int epochs,
                         @Doc("initial SGD learning rate, decayed as eta0 / t^0.25") @Range(min = 0, minExclusive = true, max = Double.MAX_VALUE) double learningRate,
                         @Doc("seed of the SGD shuffle") long seed) {
        public Config {
            HyperParameters.check(Config.class, alpha, fitIntercept, solver, epochs, learningRate, seed);
        }

        public static final Config DEFAULTS = new Config(0, true, Solver.QR, 100, 0.01, 0);
    }

    public LinearRegression(Config config) {
        this.alpha = config.alpha();
        this.fitIntercept = config.fitIntercept();
        this.solver = config.solver();
        this.epochs = config.epochs();
        this.eta0 = config.learningRate();
        this.seed = config.seed();
    }

    /** Plain least squares with an intercept, solved by QR. */
    public LinearRegression() {
        this(Config.DEFAULTS);
    }

    public Config config() {
        return new Config(alpha, fitIntercept, solver, epochs, eta0, seed);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Ridge regression with penalty {@code alpha} (scikit-learn's default is 1.0). */
    public static LinearRegression ridge(double alpha) {
        return builder().alpha(alpha).build();
    }

    @Override
    public LinearModel fit(RegressionSet data, TrainingListener listener) {
        int d = Rows.checkRegression(data, "LinearRegression");
        Centered c = Centered.of(data.features(), data.targets(), fitIntercept);
        if (solver == Solver.QR) {
            TrainingContext ctx = new TrainingContext("LinearRegression(QR)", 1, 0);
            listener.onTrainingStart(ctx);
            LinearModel m = c.model(solveQr(c, d));
            listener.onTrainingEnd(ctx);
            return m;
        }
        return c.model(sgd(c, d, listener));
    }

    private double[] solveQr(Centered c, int d) {
        int n = c.x().length;
        boolean ridge = alpha > 0;
        double[][] a = new double[ridge ? n + d : n][];
        double[] b = new double[a.length];
        for (int i = 0; i < n; i++) {
            a[i] = c.x()[i];
            b[i] = c.y()[i];
        }
        if (ridge) {
            double s = Math.sqrt(alpha);
            for (int j = 0; j < d; j++) {
                a[n + j] = new double[d];
                a[n + j][j] = s;
            }
        }
        if (a.length < d) {
            throw new IllegalArgumentException("LinearRegression: " + n + " rows cannot determine " + d
                    + " coefficients; use ridge (alpha > 0)");
        }
        DecompositionSolver qr = new QRDecomposition(new Array2DRowRealMatrix(a, false), 1e-10).getSolver();
        try {
            return qr.solve(new ArrayRealVector(b, false)).toArray();
        } catch (SingularMatrixException e) {
            throw new IllegalArgumentException("LinearRegression: the features are collinear (X has rank < " + d
                    + "); drop duplicated columns or use ridge (alpha > 0)", e);
        }
    }

    private double[] sgd(Centered c, int d, TrainingListener listener) {
        int n = c.x().length;
        double[] w = new double[d];
        Rng rng = new Rng(seed);
        TrainingContext ctx = new TrainingContext("LinearRegression(SGD)", epochs, n);
        listener.onTrainingStart(ctx);
        long t = 1;
        for (int epoch = 0; epoch < epochs && !ctx.stopRequested(); epoch++) {
            listener.onEpochStart(ctx, epoch);
            int[] order = rng.permutation(n);
            double loss = 0;
            for (int i : order) {
                double[] xi = c.x()[i];
                double r = Rows.dot(xi, w) - c.y()[i];
                loss += 0.5 * r * r;
                double lr = eta0 / Math.pow(t++, 0.25);
                // gradient of 0.5 r² + (alpha / 2n) ||w||² for one row
                for (int j = 0; j < d; j++) {
                    w[j] -= lr * (r * xi[j] + alpha / n * w[j]);
                }
            }
            listener.onEpochEnd(ctx, epoch, Map.of("loss", loss / n));
        }
        listener.onTrainingEnd(ctx);
        return w;
    }

    public static final class Builder {
        private double alpha = 0;
        private boolean fitIntercept = true;
        private Solver solver = Solver.QR;
        private int epochs = 100;
        private double eta0 = 0.01;
        private long seed = 0;

        /** L2 penalty; 0 (the default) is ordinary least squares. */
        public Builder alpha(double alpha) {
            this.alpha = alpha;
            return this;
        }

        public Builder fitIntercept(boolean fitIntercept) {
            this.fitIntercept = fitIntercept;
            return this;
        }

        public Builder solver(Solver solver) {
            this.solver = solver;
            return this;
        }

        /** Passes over the data for {@link Solver#SGD}. */
        public Builder epochs(int epochs) {
            this.epochs = epochs;
            return this;
        }

        /** Initial SGD learning rate; scale features first (large features need a smaller rate). */
        public Builder learningRate(double eta0) {
            this.eta0 = eta0;
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public LinearRegression build() {
            return new LinearRegression(new Config(alpha, fitIntercept, solver, epochs, eta0, seed));
        }
    }
}

package dev.kiln.supervised.classic;

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

    private LinearRegression(Builder b) {
        this.alpha = b.alpha;
        this.fitIntercept = b.fitIntercept;
        this.solver = b.solver;
        this.epochs = b.epochs;
        this.eta0 = b.eta0;
        this.seed = b.seed;
    }

    /** Plain least squares with an intercept, solved by QR. */
    public LinearRegression() {
        this(builder());
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
            Rows.nonNegative(alpha, "alpha");
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
            Rows.atLeast(epochs, 1, "epochs");
            this.epochs = epochs;
            return this;
        }

        /** Initial SGD learning rate; scale features first (large features need a smaller rate). */
        public Builder learningRate(double eta0) {
            Rows.positive(eta0, "learningRate");
            this.eta0 = eta0;
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public LinearRegression build() {
            return new LinearRegression(this);
        }
    }
}

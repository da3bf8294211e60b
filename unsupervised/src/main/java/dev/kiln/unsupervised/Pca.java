package dev.kiln.unsupervised;

import dev.kiln.core.component.Doc;
import dev.kiln.core.component.HyperParameters;
import dev.kiln.core.component.Nullable;
import dev.kiln.core.component.Range;
import dev.kiln.core.train.Trainer;
import dev.kiln.core.train.TrainingContext;
import dev.kiln.core.train.TrainingListener;
import java.util.Arrays;
import java.util.Map;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Principal component analysis by eigen-decomposition (Commons Math) of the {@code d x d} sample
 * covariance (denominator n − 1, as scikit-learn), so the cost is O(n·d² + d³) whatever n is.
 * Components come sorted by explained variance; each is signed so its largest-magnitude entry is
 * positive, which makes results reproducible across runs and libraries up to that convention.
 * Keep a fixed number of components, or the fewest that explain a given fraction of variance.
 */
public final class Pca implements Trainer<Points, PcaModel> {
    private final int components;
    private final double varianceFraction;
    private final boolean whiten;

    /** The hyper-parameters: a number of directions, or the variance share to keep (exactly one is set). */
    public record Config(@Doc("directions kept") @Nullable @Range(min = 1) Integer components,
                         @Doc("keep the fewest directions whose explained variance ratios sum to at least this")
                         @Nullable @Range(min = 0, minExclusive = true, max = 1) Double varianceFraction,
                         @Doc("scale each component to unit variance") boolean whiten) {
        public Config {
            HyperParameters.check(Config.class, components, varianceFraction, whiten);
            if ((components == null) == (varianceFraction == null)) {
                throw new IllegalArgumentException("Pca: set exactly one of components and varianceFraction, got "
                        + components + " and " + varianceFraction);
            }
        }

        public static final Config DEFAULTS = new Config(2, null, false);
    }

    public Pca(Config c) {
        this.components = c.components() == null ? -1 : c.components();
        this.varianceFraction = c.varianceFraction() == null ? Double.NaN : c.varianceFraction();
        this.whiten = c.whiten();
    }

    public Config config() {
        return new Config(components < 0 ? null : components, components < 0 ? varianceFraction : null, whiten);
    }

    /** Keeps {@code components} directions. */
    public static Pca of(int components) {
        return new Pca(new Config(components, null, false));
    }

    /** Keeps the fewest directions whose explained variance ratios sum to at least {@code fraction}. */
    public static Pca explaining(double fraction) {
        return new Pca(new Config(null, fraction, false));
    }

    /** The same, but transform scales each component to unit variance. */
    public Pca whitened() {
        return new Pca(new Config(components < 0 ? null : components, components < 0 ? varianceFraction : null, true));
    }

    @Override
    public PcaModel fit(Points points, TrainingListener listener) {
        int n = points.rows();
        int d = points.cols();
        if (n < 2) {
            throw new IllegalArgumentException("PCA: needs at least 2 rows, got " + n);
        }
        if (components > Math.min(n, d)) {
            throw new IllegalArgumentException("PCA: components = " + components + " exceeds min(rows, features) = "
                    + Math.min(n, d));
        }
        TrainingContext context = new TrainingContext("pca", 1, 0);
        listener.onTrainingStart(context);
        listener.onEpochStart(context, 0);
        double[] mean = new double[d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                mean[j] += points.get(i, j);
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= n;
        }
        double[][] cov = covariance(points, mean);
        EigenDecomposition eig = new EigenDecomposition(new Array2DRowRealMatrix(cov, false));
        double[] values = eig.getRealEigenvalues();
        RealMatrix vectors = eig.getV();
        Integer[] order = new Integer[d];
        for (int i = 0; i < d; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(values[b], values[a]));
        double total = 0;
        for (double v : values) {
            total += Math.max(v, 0);
        }
        int keep = components > 0 ? components : countFor(values, order, total, Math.min(n, d));
        double[][] comps = new double[keep][];
        double[] variance = new double[keep];
        double[] ratio = new double[keep];
        for (int c = 0; c < keep; c++) {
            comps[c] = signed(vectors.getColumn(order[c]));
            variance[c] = Math.max(values[order[c]], 0); // round-off can make a null direction slightly negative
            ratio[c] = total == 0 ? 0 : variance[c] / total;
        }
        PcaModel model = new PcaModel(mean, comps, variance, ratio, whiten);
        listener.onEpochEnd(context, 0, Map.of("components", (double) keep,
                "explained_variance_ratio", Arrays.stream(ratio).sum()));
        listener.onTrainingEnd(context);
        return model;
    }

    private int countFor(double[] values, Integer[] order, double total, int max) {
        double cumulative = 0;
        for (int c = 0; c < max; c++) {
            cumulative += Math.max(values[order[c]], 0);
            // a small slack so a fraction of exactly 1.0 is reachable despite round-off
            if (cumulative >= varianceFraction * total * (1 - 1e-12)) {
                return c + 1;
            }
        }
        return max;
    }

    /** Sample covariance with denominator n − 1, accumulated in double over the lower triangle. */
    private static double[][] covariance(Points p, double[] mean) {
        int n = p.rows();
        int d = p.cols();
        double[][] cov = new double[d][d];
        double[] row = new double[d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                row[j] = p.get(i, j) - mean[j];
            }
            for (int a = 0; a < d; a++) {
                double ra = row[a];
                if (ra == 0) {
                    continue;
                }
                double[] ca = cov[a];
                for (int b = 0; b <= a; b++) {
                    ca[b] += ra * row[b];
                }
            }
        }
        for (int a = 0; a < d; a++) {
            for (int b = 0; b <= a; b++) {
                cov[a][b] /= n - 1;
                cov[b][a] = cov[a][b];
            }
        }
        return cov;
    }

    private static double[] signed(double[] v) {
        int arg = 0;
        for (int j = 1; j < v.length; j++) {
            if (Math.abs(v[j]) > Math.abs(v[arg])) {
                arg = j;
            }
        }
        if (v[arg] < 0) {
            for (int j = 0; j < v.length; j++) {
                v[j] = -v[j];
            }
        }
        return v;
    }
}

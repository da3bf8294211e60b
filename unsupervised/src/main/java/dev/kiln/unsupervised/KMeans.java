package dev.kiln.unsupervised;

import dev.kiln.core.component.Doc;
import dev.kiln.core.component.HyperParameters;
import dev.kiln.core.component.Range;
import dev.kiln.core.backend.Backend;
import dev.kiln.core.backend.Backends;
import dev.kiln.core.tensor.Rng;
import dev.kiln.core.train.Trainer;
import dev.kiln.core.train.TrainingContext;
import dev.kiln.core.train.TrainingListener;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * k-means by Lloyd's algorithm with k-means++ seeding and {@code nInit} restarts (the run with the
 * lowest inertia wins), the defaults of scikit-learn's {@code KMeans}. Each iteration computes all
 * point-to-centre distances as one GEMM on the backend ({@link SquaredDistances}), takes the argmin,
 * and sums the points per cluster with a scatter-add on the backend.
 *
 * <p>Stops when the labels no longer change, when the squared centre shift falls to
 * {@code tol × mean feature variance} (scikit-learn's scaling of {@code tol}), or after
 * {@code maxIterations}. An empty cluster is re-seeded at the point farthest from its centre, so
 * the model always has {@code k} distinct, used centres when the data has {@code k} distinct points.
 * Each listener "epoch" is one Lloyd iteration of one restart (metrics {@code inertia},
 * {@code center_shift}, {@code init}).
 */
public final class KMeans implements Trainer<Points, KMeansModel> {
    private static final Logger LOG = LoggerFactory.getLogger(KMeans.class);

    private final int k;
    private final int nInit;
    private final int maxIterations;
    private final double tol;
    private final long seed;
    private final Backend backend;

    /** The hyper-parameters; defaults follow scikit-learn ({@code n_init=1} here, set 4 or 10 to restart). */
    public record Config(@Doc("clusters") @Range(min = 1) int k,
                         @Doc("k-means++ restarts; the lowest inertia wins") @Range(min = 1) int nInit,
                         @Doc("most Lloyd iterations per restart") @Range(min = 1) int maxIterations,
                         @Doc("tolerance on the squared centre shift, relative to the mean feature variance; 0: until labels are stable")
                         @Range(min = 0, max = Double.MAX_VALUE) double tol,
                         @Doc("seed of the k-means++ seeding") long seed) {
        public Config {
            HyperParameters.check(Config.class, k, nInit, maxIterations, tol, seed);
        }

        public static final Config DEFAULTS = new Config(8, 1, 300, 1e-4, 0);
    }

    /** Fits on {@link Backends#current()}. */
    public KMeans(Config config) {
        this(config, null);
    }

    private KMeans(Config c, Backend backend) {
        this.k = c.k();
        this.nInit = c.nInit();
        this.maxIterations = c.maxIterations();
        this.tol = c.tol();
        this.seed = c.seed();
        this.backend = backend;
    }

    public Config config() {
        return new Config(k, nInit, maxIterations, tol, seed);
    }

    public static Builder builder(int k) {
        return new Builder(k);
    }

    @Override
    public KMeansModel fit(Points points, TrainingListener listener) {
        if (points.rows() < k) {
            throw new IllegalArgumentException("KMeans: k = " + k + " clusters need at least " + k + " points, got "
                    + points.rows());
        }
        Backend b = backend != null ? backend : Backends.current();
        SquaredDistances dist = new SquaredDistances(points, b);
        double tolerance = tol == 0 ? 0 : tol * meanVariance(points);
        TrainingContext context = new TrainingContext("k-means", maxIterations * nInit, 0);
        listener.onTrainingStart(context);
        Rng rng = new Rng(seed);
        Lloyd.Result best = null;
        for (int init = 0; init < nInit && !context.stopRequested(); init++) {
            Rng initRng = rng.split();
            float[] centres = KMeansPlusPlus.seed(points, dist, k, initRng);
            Lloyd.Result r = Lloyd.run(dist, points, centres, maxIterations, tolerance, listener, context,
                    init * maxIterations, init);
            LOG.debug("k-means init {}: inertia {} after {} iterations", init, r.inertia(), r.iterations());
            if (best == null || r.inertia() < best.inertia()) {
                best = r;
            }
        }
        listener.onTrainingEnd(context);
        return new KMeansModel(best.centres(), points.cols(), best.labels(), best.inertia(), best.iterations(), b);
    }

    /** Mean over features of the per-feature variance (scikit-learn's unit for {@code tol}). */
    static double meanVariance(Points p) {
        int n = p.rows();
        int d = p.cols();
        float[] x = p.data();
        double[] mean = new double[d];
        for (int i = 0; i < n; i++) {
            for (int j = 0, o = i * d; j < d; j++) {
                mean[j] += x[o + j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= n;
        }
        // second pass over centred values (row by row, cache-friendly): no cancellation
        double total = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0, o = i * d; j < d; j++) {
                double e = x[o + j] - mean[j];
                total += e * e;
            }
        }
        return total / n / d;
    }

    /** Hyper-parameters; defaults follow scikit-learn ({@code n_init=1} here, set 4 or 10 to restart). */
    public static final class Builder {
        private final int k;
        private int nInit = 1;
        private int maxIterations = 300;
        private double tol = 1e-4;
        private long seed = 0;
        private Backend backend;

        private Builder(int k) {
            this.k = k;
        }

        public Builder nInit(int n) {
            this.nInit = n;
            return this;
        }

        public Builder maxIterations(int n) {
            this.maxIterations = n;
            return this;
        }

        /** Relative tolerance on the squared centre shift; 0 runs until labels are stable or maxIterations. */
        public Builder tol(double t) {
            this.tol = t;
            return this;
        }

        public Builder seed(long s) {
            this.seed = s;
            return this;
        }

        /** The backend for the distance GEMMs; default {@link Backends#current()}. */
        public Builder backend(Backend b) {
            this.backend = b;
            return this;
        }

        public KMeans build() {
            return new KMeans(new Config(k, nInit, maxIterations, tol, seed), backend);
        }
    }

    static Map<String, Double> metrics(double inertia, double shift, int init) {
        return Map.of("inertia", inertia, "center_shift", shift, "init", (double) init);
    }
}

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

/**
 * Mini-batch k-means (Sculley 2010, with scikit-learn's {@code MiniBatchKMeans} choices): centres
 * seeded by k-means++ on a random subset of {@code 3 × batchSize} points, then each step assigns a
 * random batch (one distance GEMM on the backend) and moves every centre towards the mean of its
 * batch points with a per-centre learning rate {@code 1 / (points seen so far)}. Once per pass over
 * the data, centres that received under {@code reassignmentRatio} of the busiest centre's points are
 * moved to random batch points (scikit-learn's cure for dead centres). Stops after
 * {@code maxEpochs} passes, or when a smoothed batch inertia has not improved for
 * {@code maxNoImprovement} steps. One listener epoch is one step (metric {@code batch_inertia}).
 */
public final class MiniBatchKMeans implements Trainer<Points, KMeansModel> {
    private final int k;
    private final int batchSize;
    private final int maxEpochs;
    private final int maxNoImprovement;
    private final double reassignmentRatio;
    private final long seed;
    private final Backend backend;

    /** The hyper-parameters; defaults follow scikit-learn ({@code batch_size=1024, max_iter=100}). */
    public record Config(@Doc("clusters") @Range(min = 1) int k,
                         @Doc("rows per mini-batch") @Range(min = 1) int batchSize,
                         @Doc("passes over the data (scikit-learn's max_iter)") @Range(min = 1) int maxEpochs,
                         @Doc("batches without a better smoothed inertia before stopping") @Range(min = 1) int maxNoImprovement,
                         @Doc("centres with fewer than this share of the largest count are re-seeded")
                         @Range(min = 0, max = 1, maxExclusive = true) double reassignmentRatio,
                         @Doc("seed of seeding, batches and re-seeding") long seed) {
        public Config {
            HyperParameters.check(Config.class, k, batchSize, maxEpochs, maxNoImprovement, reassignmentRatio, seed);
        }

        public static final Config DEFAULTS = new Config(8, 1024, 100, 10, 0.01, 0);
    }

    /** Fits on {@link dev.kiln.core.backend.Backends#current()}. */
    public MiniBatchKMeans(Config config) {
        this(config, null);
    }

    private MiniBatchKMeans(Config c, Backend backend) {
        this.k = c.k();
        this.batchSize = c.batchSize();
        this.maxEpochs = c.maxEpochs();
        this.maxNoImprovement = c.maxNoImprovement();
        this.reassignmentRatio = c.reassignmentRatio();
        this.seed = c.seed();
        this.backend = backend;
    }

    public Config config() {
        return new Config(k, batchSize, maxEpochs, maxNoImprovement, reassignmentRatio, seed);
    }

    public static Builder builder(int k) {
        return new Builder(k);
    }

    @Override
    public KMeansModel fit(Points points, TrainingListener listener) {
        int n = points.rows();
        int d = points.cols();
        if (n < k) {
            throw new IllegalArgumentException("MiniBatchKMeans: k = " + k + " clusters need at least " + k
                    + " points, got " + n);
        }
        Backend b = backend != null ? backend : Backends.current();
        Rng rng = new Rng(seed);
        int batch = Math.min(batchSize, n);
        int initSize = Math.min(n, Math.max(k, 3 * batch));
        Points initSet = points.select(sample(rng, n, initSize));
        float[] centres = KMeansPlusPlus.seed(initSet, new SquaredDistances(initSet, b), k, rng.split());
        long stepsPerEpoch = Math.max(1, n / batch);
        int steps = (int) Math.min(Integer.MAX_VALUE, stepsPerEpoch * maxEpochs);
        TrainingContext context = new TrainingContext("mini-batch-k-means", steps, 0);
        listener.onTrainingStart(context);
        double[] seen = new double[k];
        double smoothed = Double.NaN;
        double bestSmoothed = Double.POSITIVE_INFINITY;
        int sinceBest = 0;
        int step = 0;
        for (; step < steps && !context.stopRequested(); step++) {
            listener.onEpochStart(context, step);
            Points batchPoints = points.select(sample(rng, n, batch));
            SquaredDistances.Assignment a = new SquaredDistances(batchPoints, b).assign(centres);
            update(centres, seen, batchPoints, a.labels(), d);
            double inertia = a.inertia() / batch;
            // exponentially weighted average over about one epoch, as in scikit-learn
            double alpha = Math.min(1.0, 2.0 * batch / (n + 1));
            smoothed = Double.isNaN(smoothed) ? inertia : smoothed * (1 - alpha) + inertia * alpha;
            listener.onEpochEnd(context, step, Map.of("batch_inertia", inertia, "smoothed_inertia", smoothed));
            if (smoothed < bestSmoothed) {
                bestSmoothed = smoothed;
                sinceBest = 0;
            } else if (++sinceBest >= maxNoImprovement) {
                step++;
                break;
            }
            if ((step + 1) % stepsPerEpoch == 0) {
                reassign(centres, seen, batchPoints, rng);
            }
        }
        listener.onTrainingEnd(context);
        SquaredDistances.Assignment all = new SquaredDistances(points, b).assign(centres);
        return new KMeansModel(centres, d, all.labels(), all.inertia(), step, b);
    }

    /**
     * Starts incremental training for data that arrives in batches and never fits in memory at
     * once (scikit-learn's {@code partial_fit}): the first batch (at least k rows) seeds the centres
     * by k-means++, every batch then moves them as one mini-batch step.
     */
    public Partial partial() {
        return new Partial();
    }

    /** Incremental mini-batch k-means; not thread-safe. */
    public final class Partial {
        private final Rng rng = new Rng(seed);
        private float[] centres;
        private double[] seen;
        private int cols;
        private long batches;

        private Partial() {
        }

        /** One mini-batch step on {@code batch} (all of it, in order). */
        public Partial update(Points batch) {
            Backend b = backend != null ? backend : Backends.current();
            if (centres == null) {
                if (batch.rows() < k) {
                    throw new IllegalArgumentException("MiniBatchKMeans.partial: the first batch seeds " + k
                            + " centres and needs at least " + k + " rows, got " + batch.rows());
                }
                cols = batch.cols();
                centres = KMeansPlusPlus.seed(batch, new SquaredDistances(batch, b), k, rng.split());
                seen = new double[k];
            }
            batch.requireCols(cols, "MiniBatchKMeans.partial");
            SquaredDistances.Assignment a = new SquaredDistances(batch, b).assign(centres);
            MiniBatchKMeans.update(centres, seen, batch, a.labels(), cols);
            batches++;
            return this;
        }

        /** Batches seen so far. */
        public long batches() {
            return batches;
        }

        /**
         * The current centres as a model; its training labels are those of {@code reference}
         * (pass a sample, or the last batch) and its inertia is measured on it.
         */
        public KMeansModel model(Points reference) {
            if (centres == null) {
                throw new IllegalStateException("MiniBatchKMeans.partial: no batch seen yet");
            }
            reference.requireCols(cols, "MiniBatchKMeans.partial.model");
            Backend b = backend != null ? backend : Backends.current();
            SquaredDistances.Assignment a = new SquaredDistances(reference, b).assign(centres);
            return new KMeansModel(centres.clone(), cols, a.labels(), a.inertia(), (int) Math.min(batches,
                    Integer.MAX_VALUE), b);
        }
    }

    private static int[] sample(Rng rng, int n, int size) {
        int[] idx = new int[size];
        for (int i = 0; i < size; i++) {
            idx[i] = rng.nextInt(n);
        }
        return idx;
    }

    /** c ← c + (Σ batch points in c − m·c) / (points seen by c so far). */
    private static void update(float[] centres, double[] seen, Points batch, int[] labels, int d) {
        int k = seen.length;
        double[] sums = new double[k * d];
        int[] counts = new int[k];
        for (int i = 0; i < labels.length; i++) {
            int c = labels[i];
            counts[c]++;
            for (int j = 0; j < d; j++) {
                sums[c * d + j] += batch.get(i, j);
            }
        }
        for (int c = 0; c < k; c++) {
            if (counts[c] == 0) {
                continue;
            }
            seen[c] += counts[c];
            for (int j = 0; j < d; j++) {
                int at = c * d + j;
                centres[at] += (float) ((sums[at] - counts[c] * (double) centres[at]) / seen[c]);
            }
        }
    }

    private void reassign(float[] centres, double[] seen, Points batch, Rng rng) {
        double max = 0;
        for (double s : seen) {
            max = Math.max(max, s);
        }
        int d = batch.cols();
        for (int c = 0; c < seen.length; c++) {
            if (seen[c] < reassignmentRatio * max) {
                int p = rng.nextInt(batch.rows());
                for (int j = 0; j < d; j++) {
                    centres[c * d + j] = batch.get(p, j);
                }
                seen[c] = 0; // a fresh start: the next batch moves it all the way to its points' mean
            }
        }
    }

    /** Hyper-parameters; defaults follow scikit-learn ({@code batch_size=1024, max_iter=100}). */
    public static final class Builder {
        private final int k;
        private int batchSize = 1024;
        private int maxEpochs = 100;
        private int maxNoImprovement = 10;
        private double reassignmentRatio = 0.01;
        private long seed;
        private Backend backend;

        private Builder(int k) {
            this.k = k;
        }

        public Builder batchSize(int n) {
            this.batchSize = n;
            return this;
        }

        /** Passes over the data (scikit-learn's {@code max_iter}). */
        public Builder maxEpochs(int n) {
            this.maxEpochs = n;
            return this;
        }

        public Builder maxNoImprovement(int n) {
            this.maxNoImprovement = n;
            return this;
        }

        public Builder reassignmentRatio(double r) {
            this.reassignmentRatio = r;
            return this;
        }

        public Builder seed(long s) {
            this.seed = s;
            return this;
        }

        public Builder backend(Backend b) {
            this.backend = b;
            return this;
        }

        public MiniBatchKMeans build() {
            return new MiniBatchKMeans(new Config(k, batchSize, maxEpochs, maxNoImprovement, reassignmentRatio, seed),
                    backend);
        }
    }
}

package dev.kiln.supervised.classic;

import dev.kiln.core.component.Doc;
import dev.kiln.core.component.HyperParameters;
import dev.kiln.core.component.Nullable;
import dev.kiln.core.component.Range;
import dev.kiln.core.metrics.RegressionMetrics;
import dev.kiln.core.ml.RegressionSet;
import dev.kiln.core.tensor.Rng;
import dev.kiln.core.train.Trainer;
import dev.kiln.core.train.TrainingContext;
import dev.kiln.core.train.TrainingListener;
import java.util.List;
import java.util.Map;

/**
 * Random forest of CART regression trees on bootstrap samples; by default every split sees all
 * features (scikit-learn's regressor default). Deterministic for any thread count, like
 * {@link RandomForestClassifier}; with {@code oobScore} it reports the out-of-bag R².
 */
public final class RandomForestRegressor implements Trainer<RegressionSet, ForestRegressionModel> {
    private final int trees;
    private final TreeParams params;
    private final MaxFeatures maxFeatures;
    private final boolean oobScore;
    private final long seed;
    private final int threads;
    private final Config config;

    /** The hyper-parameters (scikit-learn's defaults: 100 trees, all features per split, bootstrap). */
    public record Config(@Doc("trees in the forest") @Range(min = 1) int trees,
                         @Doc("deepest level grown; null: until leaves are pure") @Nullable @Range(min = 1) Integer maxDepth,
                         @Doc("fewest rows a node needs to be split") @Range(min = 2) int minSamplesSplit,
                         @Doc("fewest rows a leaf may hold") @Range(min = 1) int minSamplesLeaf,
                         @Doc("features tried per split: all, sqrt, log2, a count or a fraction") String maxFeatures,
                         @Doc("report the out-of-bag R²") boolean oobScore,
                         @Doc("seed; tree i draws from a stream seeded by (seed, i)") long seed,
                         @Doc("worker threads; 0: kiln.threads, else all processors (the forest does not depend on it)")
                         @Range(min = 0) int threads) {
        public Config {
            HyperParameters.check(Config.class, trees, maxDepth, minSamplesSplit, minSamplesLeaf, maxFeatures, oobScore,
                    seed, threads);
            MaxFeatures.parse(maxFeatures);
        }

        public static final Config DEFAULTS = new Config(100, null, 2, 1, "all", false, 0, 0);
    }

    public RandomForestRegressor(Config config) {
        this.trees = config.trees();
        this.params = new TreeParams(config.maxDepth() == null ? Integer.MAX_VALUE : config.maxDepth(),
                config.minSamplesSplit(), config.minSamplesLeaf());
        this.maxFeatures = MaxFeatures.parse(config.maxFeatures());
        this.oobScore = config.oobScore();
        this.seed = config.seed();
        this.threads = config.threads() == 0 ? Rows.defaultThreads() : config.threads();
        this.config = config;
    }

    public RandomForestRegressor(int trees, TreeParams params, MaxFeatures maxFeatures, boolean oobScore, long seed,
            int threads) {
        this(config(trees, params, maxFeatures, oobScore, seed, threads));
    }

    private static Config config(int trees, TreeParams params, MaxFeatures maxFeatures, boolean oobScore, long seed,
            int threads) {
        DecisionTreeRegressor.Config tree = DecisionTreeRegressor.Config.of(params, maxFeatures, seed);
        return new Config(trees, tree.maxDepth(), tree.minSamplesSplit(), tree.minSamplesLeaf(), tree.maxFeatures(),
                oobScore, seed, threads);
    }

    /** 100 trees, all features per split, seed 0. */
    public RandomForestRegressor() {
        this(Config.DEFAULTS);
    }

    public Config config() {
        return config;
    }

    public RandomForestRegressor withOobScore(boolean oob) {
        return new RandomForestRegressor(trees, params, maxFeatures, oob, seed, threads);
    }

    public RandomForestRegressor withSeed(long s) {
        return new RandomForestRegressor(trees, params, maxFeatures, oobScore, s, threads);
    }

    @Override
    public ForestRegressionModel fit(RegressionSet data, TrainingListener listener) {
        Rows.checkRegression(data, "RandomForestRegressor");
        int n = data.size();
        TrainingContext ctx = new TrainingContext("RandomForestRegressor", 1, 0);
        listener.onTrainingStart(ctx);
        DecisionTreeRegressor grower = new DecisionTreeRegressor(params, maxFeatures, seed);
        List<Bagged> bagged = Parallel.map(trees, threads, i -> {
            Rng rng = new Rng(Rng.bits(seed, i));
            int[] rows = Bagged.sample(n, true, rng);
            return new Bagged(grower.grow(data, rows, rng), rows);
        });
        double oob = Double.NaN;
        if (oobScore) {
            double[] sum = new double[n];
            int[] count = new int[n];
            for (Bagged b : bagged) {
                boolean[] inBag = b.inBag(n);
                for (int i = 0; i < n; i++) {
                    if (!inBag[i]) {
                        sum[i] += b.tree().valueOf(data.features()[i])[0];
                        count[i]++;
                    }
                }
            }
            int scored = 0;
            for (int c : count) {
                scored += c > 0 ? 1 : 0;
            }
            double[] actual = new double[scored];
            double[] predicted = new double[scored];
            for (int i = 0, j = 0; i < n; i++) {
                if (count[i] > 0) {
                    actual[j] = data.targets()[i];
                    predicted[j++] = sum[i] / count[i];
                }
            }
            if (scored == 0) {
                throw new IllegalStateException("RandomForestRegressor: no row was out of bag; use more trees");
            }
            oob = RegressionMetrics.r2(actual, predicted);
            listener.onEpochEnd(ctx, 0, Map.of("oob_r2", oob));
        }
        listener.onTrainingEnd(ctx);
        return new ForestRegressionModel(bagged.stream().map(Bagged::tree).toArray(Tree[]::new), oob);
    }
}

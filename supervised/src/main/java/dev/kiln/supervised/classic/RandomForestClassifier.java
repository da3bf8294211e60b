package dev.kiln.supervised.classic;

import dev.kiln.core.component.Doc;
import dev.kiln.core.component.HyperParameters;
import dev.kiln.core.component.Nullable;
import dev.kiln.core.component.Range;
import dev.kiln.core.ml.Classifier;
import dev.kiln.core.ml.ClassificationSet;
import dev.kiln.core.tensor.Rng;
import dev.kiln.core.train.Trainer;
import dev.kiln.core.train.TrainingContext;
import dev.kiln.core.train.TrainingListener;
import java.util.List;
import java.util.Map;

/**
 * Random forest of CART classification trees: each tree grows on a bootstrap sample with
 * {@code sqrt(d)} features tried per split (scikit-learn's defaults: 100 trees, gini, unlimited
 * depth); the forest averages the trees' class probabilities. Tree {@code i} draws all its
 * randomness from a stream seeded by {@code (seed, i)}, so the forest is identical for any number
 * of threads. With {@code oobScore} each row is scored by the trees that did not see it.
 */
public final class RandomForestClassifier implements Trainer<ClassificationSet, ForestModel> {
    private final int trees;
    private final DecisionTreeClassifier.Criterion criterion;
    private final TreeParams params;
    private final MaxFeatures maxFeatures;
    private final boolean bootstrap;
    private final boolean oobScore;
    private final long seed;
    private final int threads;
    private final Config config;

    /** The hyper-parameters (scikit-learn's defaults: 100 trees, gini, sqrt(d) features, bootstrap). */
    public record Config(@Doc("trees in the forest") @Range(min = 1) int trees,
                         @Doc("split quality: GINI or ENTROPY") DecisionTreeClassifier.Criterion criterion,
                         @Doc("deepest level grown; null: until leaves are pure") @Nullable @Range(min = 1) Integer maxDepth,
                         @Doc("fewest rows a node needs to be split") @Range(min = 2) int minSamplesSplit,
                         @Doc("fewest rows a leaf may hold") @Range(min = 1) int minSamplesLeaf,
                         @Doc("features tried per split: all, sqrt, log2, a count or a fraction") String maxFeatures,
                         @Doc("grow each tree on a bootstrap sample") boolean bootstrap,
                         @Doc("score each row by the trees that did not see it (needs bootstrap)") boolean oobScore,
                         @Doc("seed; tree i draws from a stream seeded by (seed, i)") long seed,
                         @Doc("worker threads; 0: kiln.threads, else all processors (the forest does not depend on it)")
                         @Range(min = 0) int threads) {
        public Config {
            HyperParameters.check(Config.class, trees, criterion, maxDepth, minSamplesSplit, minSamplesLeaf, maxFeatures,
                    bootstrap, oobScore, seed, threads);
            MaxFeatures.parse(maxFeatures);
            if (oobScore && !bootstrap) {
                throw new IllegalArgumentException("RandomForestClassifier.oobScore: needs bootstrap = true");
            }
        }

        public static final Config DEFAULTS = new Config(100, DecisionTreeClassifier.Criterion.GINI, null, 2, 1, "sqrt",
                true, false, 0, 0);

        TreeParams treeParams() {
            return new TreeParams(maxDepth == null ? Integer.MAX_VALUE : maxDepth, minSamplesSplit, minSamplesLeaf);
        }
    }

    public RandomForestClassifier(Config config) {
        this.trees = config.trees();
        this.criterion = config.criterion();
        this.params = config.treeParams();
        this.maxFeatures = MaxFeatures.parse(config.maxFeatures());
        this.bootstrap = config.bootstrap();
        this.oobScore = config.oobScore();
        this.seed = config.seed();
        this.threads = config.threads() == 0 ? Rows.defaultThreads() : config.threads();
        this.config = config;
    }

    public RandomForestClassifier() {
        this(Config.DEFAULTS);
    }

    public Config config() {
        return config;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public ForestModel fit(ClassificationSet data, TrainingListener listener) {
        int k = Rows.checkClassification(data, "RandomForestClassifier");
        int n = data.size();
        TrainingContext ctx = new TrainingContext("RandomForestClassifier", 1, 0);
        listener.onTrainingStart(ctx);
        DecisionTreeClassifier grower = new DecisionTreeClassifier(criterion, params, maxFeatures, seed);
        List<Bagged> bagged = Parallel.map(trees, threads, i -> {
            Rng rng = new Rng(Rng.bits(seed, i));
            int[] rows = Bagged.sample(n, bootstrap, rng);
            return new Bagged(grower.grow(data, k, rows, rng::nextInt), rows);
        });
        Tree[] fitted = bagged.stream().map(Bagged::tree).toArray(Tree[]::new);
        double oob = Double.NaN;
        if (oobScore) {
            oob = oobAccuracy(data, k, bagged);
            listener.onEpochEnd(ctx, 0, Map.of("oob_accuracy", oob));
        }
        listener.onTrainingEnd(ctx);
        return new ForestModel(fitted, k, oob);
    }

    private static double oobAccuracy(ClassificationSet data, int k, List<Bagged> bagged) {
        int n = data.size();
        double[][] votes = new double[n][k];
        boolean[] seen = new boolean[n];
        for (Bagged b : bagged) {
            boolean[] inBag = b.inBag(n);
            for (int i = 0; i < n; i++) {
                if (!inBag[i]) {
                    double[] p = b.tree().valueOf(data.features()[i]);
                    for (int c = 0; c < k; c++) {
                        votes[i][c] += p[c];
                    }
                    seen[i] = true;
                }
            }
        }
        int scored = 0;
        int correct = 0;
        for (int i = 0; i < n; i++) {
            if (seen[i]) {
                scored++;
                correct += Classifier.argmax(votes[i]) == data.labels()[i] ? 1 : 0;
            }
        }
        if (scored == 0) {
            throw new IllegalStateException("RandomForestClassifier: no row was out of bag; use more trees for oobScore");
        }
        return (double) correct / scored;
    }

    public static final class Builder {
        private int trees = 100;
        private DecisionTreeClassifier.Criterion criterion = DecisionTreeClassifier.Criterion.GINI;
        private TreeParams params = TreeParams.DEFAULT;
        private MaxFeatures maxFeatures = MaxFeatures.SQRT;
        private boolean bootstrap = true;
        private boolean oobScore;
        private long seed;
        private int threads;

        public Builder trees(int n) {
            this.trees = n;
            return this;
        }

        public Builder criterion(DecisionTreeClassifier.Criterion c) {
            this.criterion = c;
            return this;
        }

        public Builder params(TreeParams p) {
            this.params = p;
            return this;
        }

        public Builder maxFeatures(MaxFeatures m) {
            this.maxFeatures = m;
            return this;
        }

        public Builder bootstrap(boolean b) {
            this.bootstrap = b;
            return this;
        }

        public Builder oobScore(boolean b) {
            this.oobScore = b;
            return this;
        }

        public Builder seed(long s) {
            this.seed = s;
            return this;
        }

        /** Worker threads (default {@code kiln.threads}, else all processors); the result does not depend on it. */
        public Builder threads(int t) {
            this.threads = t;
            return this;
        }

        public RandomForestClassifier build() {
            DecisionTreeClassifier.Config tree = DecisionTreeClassifier.Config.of(criterion, params, maxFeatures, seed);
            return new RandomForestClassifier(new Config(trees, criterion, tree.maxDepth(), tree.minSamplesSplit(),
                    tree.minSamplesLeaf(), tree.maxFeatures(), bootstrap, oobScore, seed, threads));
        }
    }
}

package dev.kiln.supervised.classic;

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

    private RandomForestClassifier(Builder b) {
        this.trees = b.trees;
        this.criterion = b.criterion;
        this.params = b.params;
        this.maxFeatures = b.maxFeatures;
        this.bootstrap = b.bootstrap;
        this.oobScore = b.oobScore;
        this.seed = b.seed;
        this.threads = b.threads;
    }

    public RandomForestClassifier() {
        this(builder());
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public ForestModel fit(ClassificationSet data, TrainingListener listener) {
        int k = Rows.checkClassification(data, "RandomForestClassifier");
        if (oobScore && !bootstrap) {
            throw new IllegalArgumentException("RandomForestClassifier: oobScore needs bootstrap samples");
        }
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
        private int threads = Rows.defaultThreads();

        public Builder trees(int n) {
            Rows.atLeast(n, 1, "trees");
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
            Rows.atLeast(t, 1, "threads");
            this.threads = t;
            return this;
        }

        public RandomForestClassifier build() {
            return new RandomForestClassifier(this);
        }
    }
}

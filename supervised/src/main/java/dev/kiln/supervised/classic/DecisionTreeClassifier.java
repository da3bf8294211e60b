package dev.kiln.supervised.classic;

import dev.kiln.core.component.Doc;
import dev.kiln.core.component.HyperParameters;
import dev.kiln.core.component.Nullable;
import dev.kiln.core.component.Range;
import dev.kiln.core.ml.ClassificationSet;
import dev.kiln.core.tensor.Rng;
import dev.kiln.core.train.Trainer;
import dev.kiln.core.train.TrainingContext;
import dev.kiln.core.train.TrainingListener;
import java.util.function.IntUnaryOperator;
import java.util.function.LongFunction;

/**
 * CART classification tree (gini or entropy), grown as scikit-learn's {@code DecisionTreeClassifier}
 * (see {@link TreeBuilder}). The seed drives the random order in which each split visits the
 * features; with all features searched it only decides ties between equally good splits (the first
 * one found wins), which in small nodes are common, so single trees from different seeds differ
 * by a point or two of accuracy. Same seed, same tree.
 */
public final class DecisionTreeClassifier implements Trainer<ClassificationSet, DecisionTreeModel> {
    public enum Criterion { GINI, ENTROPY }

    /** The hyper-parameters; the growth limits are {@link TreeParams}'s, flattened for config files. */
    public record Config(@Doc("split quality: GINI impurity or ENTROPY (information gain)") Criterion criterion,
                         @Doc("deepest level grown; null: until leaves are pure") @Nullable @Range(min = 1) Integer maxDepth,
                         @Doc("fewest rows a node needs to be split") @Range(min = 2) int minSamplesSplit,
                         @Doc("fewest rows a leaf may hold") @Range(min = 1) int minSamplesLeaf,
                         @Doc("features tried per split: all, sqrt, log2, a count or a fraction") String maxFeatures,
                         @Doc("seed of the feature order at each split") long seed) {
        public Config {
            HyperParameters.check(Config.class, criterion, maxDepth, minSamplesSplit, minSamplesLeaf, maxFeatures, seed);
            MaxFeatures.parse(maxFeatures);
        }

        /** scikit-learn's defaults: gini, unlimited depth, all features; seed 0. */
        public static final Config DEFAULTS = new Config(Criterion.GINI, null, 2, 1, "all", 0);

        static Config of(Criterion criterion, TreeParams p, MaxFeatures m, long seed) {
            return new Config(criterion, p.maxDepth() == Integer.MAX_VALUE ? null : p.maxDepth(), p.minSamplesSplit(),
                    p.minSamplesLeaf(), m.spec(), seed);
        }

        public TreeParams treeParams() {
            return new TreeParams(maxDepth == null ? Integer.MAX_VALUE : maxDepth, minSamplesSplit, minSamplesLeaf);
        }

        public Config withCriterion(Criterion c) {
            return new Config(c, maxDepth, minSamplesSplit, minSamplesLeaf, maxFeatures, seed);
        }

        public Config withTreeParams(TreeParams p) {
            return of(criterion, p, MaxFeatures.parse(maxFeatures), seed);
        }

        public Config withMaxFeatures(MaxFeatures m) {
            return new Config(criterion, maxDepth, minSamplesSplit, minSamplesLeaf, m.spec(), seed);
        }

        public Config withSeed(long s) {
            return new Config(criterion, maxDepth, minSamplesSplit, minSamplesLeaf, maxFeatures, s);
        }
    }

    private final Config config;
    private final TreeParams params;
    private final MaxFeatures maxFeatures;
    /** The tree's random stream for a seed: Kiln's {@code Rng}; tests plug in scikit-learn's. */
    private final LongFunction<IntUnaryOperator> stream;

    public DecisionTreeClassifier(Config config) {
        this(config, s -> new Rng(s)::nextInt);
    }

    public DecisionTreeClassifier(Criterion criterion, TreeParams params, MaxFeatures maxFeatures, long seed) {
        this(Config.of(criterion, params, maxFeatures, seed));
    }

    private DecisionTreeClassifier(Config config, LongFunction<IntUnaryOperator> stream) {
        this.config = config;
        this.params = config.treeParams();
        this.maxFeatures = MaxFeatures.parse(config.maxFeatures());
        this.stream = stream;
    }

    /** Gini, unlimited depth, all features, seed 0. */
    public DecisionTreeClassifier() {
        this(Config.DEFAULTS);
    }

    public Config config() {
        return config;
    }

    public DecisionTreeClassifier withCriterion(Criterion c) {
        return new DecisionTreeClassifier(config.withCriterion(c), stream);
    }

    public DecisionTreeClassifier withParams(TreeParams p) {
        return new DecisionTreeClassifier(config.withTreeParams(p), stream);
    }

    public DecisionTreeClassifier withMaxFeatures(MaxFeatures m) {
        return new DecisionTreeClassifier(config.withMaxFeatures(m), stream);
    }

    public DecisionTreeClassifier withSeed(long s) {
        return new DecisionTreeClassifier(config.withSeed(s), stream);
    }

    /** Draws the feature order from {@code stream.apply(config.seed())} instead of Kiln's {@code Rng} (parity tests). */
    DecisionTreeClassifier withStream(LongFunction<IntUnaryOperator> s) {
        return new DecisionTreeClassifier(config, s);
    }

    @Override
    public DecisionTreeModel fit(ClassificationSet data, TrainingListener listener) {
        int k = Rows.checkClassification(data, "DecisionTreeClassifier");
        TrainingContext ctx = new TrainingContext("DecisionTreeClassifier", 1, 0);
        listener.onTrainingStart(ctx);
        int[] rows = new int[data.size()];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = i;
        }
        Tree tree = grow(data, k, rows, stream.apply(config.seed()));
        listener.onTrainingEnd(ctx);
        return new DecisionTreeModel(tree, k);
    }

    /** Grows one tree on {@code rows} (repeats allowed), drawing the feature order from {@code draw}. */
    Tree grow(ClassificationSet data, int k, int[] rows, IntUnaryOperator draw) {
        SplitCriterion.Kind c = config.criterion() == Criterion.GINI ? SplitCriterion.Kind.GINI : SplitCriterion.Kind.ENTROPY;
        int d = data.features()[0].length;
        return new TreeBuilder(data.features(), new SplitCriterion(c, data.labels(), null, k), params.maxDepth(),
                params.minSamplesSplit(), params.minSamplesLeaf(), maxFeatures.resolve(d), draw).build(rows);
    }
}

package dev.kiln.supervised.classic;

import dev.kiln.core.component.Doc;
import dev.kiln.core.component.HyperParameters;
import dev.kiln.core.component.Nullable;
import dev.kiln.core.component.Range;
import dev.kiln.core.ml.RegressionSet;
import dev.kiln.core.tensor.Rng;
import dev.kiln.core.train.Trainer;
import dev.kiln.core.train.TrainingContext;
import dev.kiln.core.train.TrainingListener;

/** CART regression tree: splits minimise the squared error, leaves predict the mean target. */
public final class DecisionTreeRegressor implements Trainer<RegressionSet, RegressionTreeModel> {
    /** The hyper-parameters: {@link DecisionTreeClassifier.Config}'s without the criterion (always squared error). */
    public record Config(@Doc("deepest level grown; null: until leaves are pure") @Nullable @Range(min = 1) Integer maxDepth,
                         @Doc("fewest rows a node needs to be split") @Range(min = 2) int minSamplesSplit,
                         @Doc("fewest rows a leaf may hold") @Range(min = 1) int minSamplesLeaf,
                         @Doc("features tried per split: all, sqrt, log2, a count or a fraction") String maxFeatures,
                         @Doc("seed of the feature order at each split") long seed) {
        public Config {
            HyperParameters.check(Config.class, maxDepth, minSamplesSplit, minSamplesLeaf, maxFeatures, seed);
            MaxFeatures.parse(maxFeatures);
        }

        public static final Config DEFAULTS = new Config(null, 2, 1, "all", 0);

        static Config of(TreeParams p, MaxFeatures m, long seed) {
            return new Config(p.maxDepth() == Integer.MAX_VALUE ? null : p.maxDepth(), p.minSamplesSplit(),
                    p.minSamplesLeaf(), m.spec(), seed);
        }

        public TreeParams treeParams() {
            return new TreeParams(maxDepth == null ? Integer.MAX_VALUE : maxDepth, minSamplesSplit, minSamplesLeaf);
        }
    }

    private final Config config;
    private final TreeParams params;
    private final MaxFeatures maxFeatures;

    public DecisionTreeRegressor(Config config) {
        this.config = config;
        this.params = config.treeParams();
        this.maxFeatures = MaxFeatures.parse(config.maxFeatures());
    }

    public DecisionTreeRegressor(TreeParams params, MaxFeatures maxFeatures, long seed) {
        this(Config.of(params, maxFeatures, seed));
    }

    public DecisionTreeRegressor() {
        this(Config.DEFAULTS);
    }

    public Config config() {
        return config;
    }

    public DecisionTreeRegressor withParams(TreeParams p) {
        return new DecisionTreeRegressor(p, maxFeatures, config.seed());
    }

    @Override
    public RegressionTreeModel fit(RegressionSet data, TrainingListener listener) {
        Rows.checkRegression(data, "DecisionTreeRegressor");
        TrainingContext ctx = new TrainingContext("DecisionTreeRegressor", 1, 0);
        listener.onTrainingStart(ctx);
        int[] rows = new int[data.size()];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = i;
        }
        Tree tree = grow(data, rows, new Rng(config.seed()));
        listener.onTrainingEnd(ctx);
        return new RegressionTreeModel(tree);
    }

    Tree grow(RegressionSet data, int[] rows, Rng rng) {
        int d = data.features()[0].length;
        return new TreeBuilder(data.features(), new SplitCriterion(SplitCriterion.Kind.MSE, null, data.targets(), 0),
                params.maxDepth(), params.minSamplesSplit(), params.minSamplesLeaf(), maxFeatures.resolve(d),
                rng::nextInt).build(rows);
    }
}

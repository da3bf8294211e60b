package dev.kiln.supervised.classic;

import dev.kiln.core.ml.RegressionSet;
import dev.kiln.core.tensor.Rng;
import dev.kiln.core.train.Trainer;
import dev.kiln.core.train.TrainingContext;
import dev.kiln.core.train.TrainingListener;

/** CART regression tree: splits minimise the squared error, leaves predict the mean target. */
public final class DecisionTreeRegressor implements Trainer<RegressionSet, RegressionTreeModel> {
    private final TreeParams params;
    private final MaxFeatures maxFeatures;
    private final long seed;

    public DecisionTreeRegressor(TreeParams params, MaxFeatures maxFeatures, long seed) {
        this.params = params;
        this.maxFeatures = maxFeatures;
        this.seed = seed;
    }

    public DecisionTreeRegressor() {
        this(TreeParams.DEFAULT, MaxFeatures.ALL, 0);
    }

    public DecisionTreeRegressor withParams(TreeParams p) {
        return new DecisionTreeRegressor(p, maxFeatures, seed);
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
        Tree tree = grow(data, rows, new Rng(seed));
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

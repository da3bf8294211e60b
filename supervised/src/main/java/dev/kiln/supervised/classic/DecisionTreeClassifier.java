package dev.kiln.supervised.classic;

import dev.kiln.core.ml.ClassificationSet;
import dev.kiln.core.tensor.Rng;
import dev.kiln.core.train.Trainer;
import dev.kiln.core.train.TrainingContext;
import dev.kiln.core.train.TrainingListener;

/**
 * CART classification tree (gini or entropy). The seed orders the features searched at each
 * split, which only matters for ties and for {@code maxFeatures} below all.
 */
public final class DecisionTreeClassifier implements Trainer<ClassificationSet, DecisionTreeModel> {
    public enum Criterion { GINI, ENTROPY }

    private final Criterion criterion;
    private final TreeParams params;
    private final MaxFeatures maxFeatures;
    private final long seed;

    public DecisionTreeClassifier(Criterion criterion, TreeParams params, MaxFeatures maxFeatures, long seed) {
        this.criterion = criterion;
        this.params = params;
        this.maxFeatures = maxFeatures;
        this.seed = seed;
    }

    /** Gini, unlimited depth, all features, seed 0. */
    public DecisionTreeClassifier() {
        this(Criterion.GINI, TreeParams.DEFAULT, MaxFeatures.ALL, 0);
    }

    public DecisionTreeClassifier withCriterion(Criterion c) {
        return new DecisionTreeClassifier(c, params, maxFeatures, seed);
    }

    public DecisionTreeClassifier withParams(TreeParams p) {
        return new DecisionTreeClassifier(criterion, p, maxFeatures, seed);
    }

    public DecisionTreeClassifier withMaxFeatures(MaxFeatures m) {
        return new DecisionTreeClassifier(criterion, params, m, seed);
    }

    public DecisionTreeClassifier withSeed(long s) {
        return new DecisionTreeClassifier(criterion, params, maxFeatures, s);
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
        Tree tree = grow(data, k, rows, new Rng(seed));
        listener.onTrainingEnd(ctx);
        return new DecisionTreeModel(tree, k);
    }

    Tree grow(ClassificationSet data, int k, int[] rows, Rng rng) {
        TreeBuilder.Criterion c = criterion == Criterion.GINI ? TreeBuilder.Criterion.GINI
                : TreeBuilder.Criterion.ENTROPY;
        int d = data.features()[0].length;
        return new TreeBuilder(data.features(), data.labels(), null, k, c, params.maxDepth(),
                params.minSamplesSplit(), params.minSamplesLeaf(), maxFeatures.resolve(d), rng).build(rows);
    }
}

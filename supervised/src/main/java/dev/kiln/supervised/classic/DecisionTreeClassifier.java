package dev.kiln.supervised.classic;

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

    private final Criterion criterion;
    private final TreeParams params;
    private final MaxFeatures maxFeatures;
    private final long seed;
    /** The tree's random stream for a seed: Kiln's {@code Rng}; tests plug in scikit-learn's. */
    private final LongFunction<IntUnaryOperator> stream;

    public DecisionTreeClassifier(Criterion criterion, TreeParams params, MaxFeatures maxFeatures, long seed) {
        this(criterion, params, maxFeatures, seed, s -> new Rng(s)::nextInt);
    }

    private DecisionTreeClassifier(Criterion criterion, TreeParams params, MaxFeatures maxFeatures, long seed,
            LongFunction<IntUnaryOperator> stream) {
        this.criterion = criterion;
        this.params = params;
        this.maxFeatures = maxFeatures;
        this.seed = seed;
        this.stream = stream;
    }

    /** Gini, unlimited depth, all features, seed 0. */
    public DecisionTreeClassifier() {
        this(Criterion.GINI, TreeParams.DEFAULT, MaxFeatures.ALL, 0);
    }

    public DecisionTreeClassifier withCriterion(Criterion c) {
        return new DecisionTreeClassifier(c, params, maxFeatures, seed, stream);
    }

    public DecisionTreeClassifier withParams(TreeParams p) {
        return new DecisionTreeClassifier(criterion, p, maxFeatures, seed, stream);
    }

    public DecisionTreeClassifier withMaxFeatures(MaxFeatures m) {
        return new DecisionTreeClassifier(criterion, params, m, seed, stream);
    }

    public DecisionTreeClassifier withSeed(long s) {
        return new DecisionTreeClassifier(criterion, params, maxFeatures, s, stream);
    }

    /** Draws the feature order from {@code stream.apply(seed)} instead of Kiln's {@code Rng} (parity tests). */
    DecisionTreeClassifier withStream(LongFunction<IntUnaryOperator> s) {
        return new DecisionTreeClassifier(criterion, params, maxFeatures, seed, s);
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
        Tree tree = grow(data, k, rows, stream.apply(seed));
        listener.onTrainingEnd(ctx);
        return new DecisionTreeModel(tree, k);
    }

    /** Grows one tree on {@code rows} (repeats allowed), drawing the feature order from {@code draw}. */
    Tree grow(ClassificationSet data, int k, int[] rows, IntUnaryOperator draw) {
        SplitCriterion.Kind c = criterion == Criterion.GINI ? SplitCriterion.Kind.GINI : SplitCriterion.Kind.ENTROPY;
        int d = data.features()[0].length;
        return new TreeBuilder(data.features(), new SplitCriterion(c, data.labels(), null, k), params.maxDepth(),
                params.minSamplesSplit(), params.minSamplesLeaf(), maxFeatures.resolve(d), draw).build(rows);
    }
}

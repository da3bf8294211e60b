package dev.kiln.supervised.classic;

import dev.kiln.core.ml.Features;
import dev.kiln.core.ml.Classifier;

/** A fitted classification tree: leaf class fractions as probabilities, importances and a text form. */
public final class DecisionTreeModel implements Classifier {
    private final Tree tree;
    private final int classes;

    DecisionTreeModel(Tree tree, int classes) {
        this.tree = tree;
        this.classes = classes;
    }

    @Override
    public int numClasses() {
        return classes;
    }

    @Override
    public double[][] predictProba(Features input) {
        double[][] features = input.rows();
        Rows.checkPredict(features, tree.numFeatures, "DecisionTreeModel");
        double[][] out = new double[features.length][];
        for (int i = 0; i < features.length; i++) {
            out[i] = tree.valueOf(features[i]).clone();
        }
        return out;
    }

    @Override
    public int[] predict(Features input) {
        double[][] features = input.rows();
        Rows.checkPredict(features, tree.numFeatures, "DecisionTreeModel");
        int[] out = new int[features.length];
        for (int i = 0; i < features.length; i++) {
            out[i] = Classifier.argmax(tree.valueOf(features[i]));
        }
        return out;
    }

    /** Normalised mean decrease in impurity per feature (sums to 1 unless the tree is a single leaf). */
    public double[] featureImportances() {
        return Tree.normalise(tree.unnormalisedImportances());
    }

    public int depth() {
        return tree.depth();
    }

    public int leafCount() {
        return tree.leafCount();
    }

    public int nodeCount() {
        return tree.nodeCount();
    }

    /** The tree as text with generic names ({@code feature_3}, class indices). */
    public String toText() {
        return tree.toText(null, null);
    }

    /** The tree as text with the given feature and class names (either may be null). */
    public String toText(String[] featureNames, String[] classNames) {
        return tree.toText(featureNames, classNames);
    }

    Tree tree() {
        return tree;
    }
}

package dev.kiln.supervised.classic;

import dev.kiln.core.ml.Features;
import dev.kiln.core.ml.Regressor;

/** A fitted regression tree. */
public final class RegressionTreeModel implements Regressor {
    private final Tree tree;

    RegressionTreeModel(Tree tree) {
        this.tree = tree;
    }

    @Override
    public double[] predict(Features input) {
        double[][] features = input.rows();
        Rows.checkPredict(features, tree.numFeatures, "RegressionTreeModel");
        double[] out = new double[features.length];
        for (int i = 0; i < features.length; i++) {
            out[i] = tree.valueOf(features[i])[0];
        }
        return out;
    }

    public double[] featureImportances() {
        return Tree.normalise(tree.unnormalisedImportances());
    }

    public int depth() {
        return tree.depth();
    }

    public String toText(String[] featureNames) {
        return tree.toText(featureNames, null);
    }

    Tree tree() {
        return tree;
    }
}

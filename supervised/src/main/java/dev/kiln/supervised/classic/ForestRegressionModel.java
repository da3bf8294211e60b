package dev.kiln.supervised.classic;

import dev.kiln.core.ml.Features;
import dev.kiln.core.ml.Regressor;

/** A fitted random forest regressor: the mean of its trees' predictions. */
public final class ForestRegressionModel implements Regressor {
    private final Tree[] trees;
    private final double oobScore;

    ForestRegressionModel(Tree[] trees, double oobScore) {
        this.trees = trees;
        this.oobScore = oobScore;
    }

    /** Out-of-bag R², or NaN when fitted without {@code oobScore}. */
    public double oobScore() {
        return oobScore;
    }

    @Override
    public double[] predict(Features input) {
        double[][] features = input.rows();
        Rows.checkPredict(features, trees[0].numFeatures, "ForestRegressionModel");
        double[] out = new double[features.length];
        for (int i = 0; i < features.length; i++) {
            double s = 0;
            for (Tree t : trees) {
                s += t.valueOf(features[i])[0];
            }
            out[i] = s / trees.length;
        }
        return out;
    }

    public double[] featureImportances() {
        return meanImportances(trees);
    }

    static double[] meanImportances(Tree[] trees) {
        double[] sum = new double[trees[0].numFeatures];
        int counted = 0;
        for (Tree t : trees) {
            if (t.nodeCount() > 1) { // single-leaf trees carry no importance (as in scikit-learn)
                double[] imp = Tree.normalise(t.unnormalisedImportances());
                for (int j = 0; j < sum.length; j++) {
                    sum[j] += imp[j];
                }
                counted++;
            }
        }
        return counted == 0 ? sum : Tree.normalise(sum);
    }

    Tree[] trees() {
        return trees;
    }
}

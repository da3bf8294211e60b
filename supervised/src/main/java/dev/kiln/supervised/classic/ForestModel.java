package dev.kiln.supervised.classic;

import dev.kiln.core.ml.Features;
import dev.kiln.core.ml.Classifier;

/** A fitted random forest classifier: the mean of its trees' class probabilities. */
public final class ForestModel implements Classifier {
    private final Tree[] trees;
    private final int classes;
    private final double oobScore;

    ForestModel(Tree[] trees, int classes, double oobScore) {
        this.trees = trees;
        this.classes = classes;
        this.oobScore = oobScore;
    }

    @Override
    public int numClasses() {
        return classes;
    }

    public int treeCount() {
        return trees.length;
    }

    /** Out-of-bag accuracy, or NaN when the forest was fitted without {@code oobScore}. */
    public double oobScore() {
        return oobScore;
    }

    @Override
    public double[][] predictProba(Features input) {
        double[][] features = input.rows();
        Rows.checkPredict(features, trees[0].numFeatures, "ForestModel");
        double[][] out = new double[features.length][classes];
        for (int i = 0; i < features.length; i++) {
            for (Tree t : trees) {
                double[] p = t.valueOf(features[i]);
                for (int c = 0; c < classes; c++) {
                    out[i][c] += p[c];
                }
            }
            for (int c = 0; c < classes; c++) {
                out[i][c] /= trees.length;
            }
        }
        return out;
    }

    @Override
    public int[] predict(Features input) {
        return Classifier.argmax(predictProba(input));
    }

    /** Mean of the trees' normalised impurity importances, renormalised (scikit-learn's definition). */
    public double[] featureImportances() {
        return ForestRegressionModel.meanImportances(trees);
    }

    Tree[] trees() {
        return trees;
    }
}

package dev.kiln.supervised.classic;

import dev.kiln.core.ml.Classifier;
import java.util.Locale;

/**
 * A fitted binary tree in flat arrays (node 0 is the root). An internal node sends a row left when
 * {@code x[feature] <= threshold}; a leaf ({@code feature == -1}) holds its value: class
 * fractions for classification or the mean target for regression.
 */
final class Tree {
    final int[] feature;
    final double[] threshold;
    final int[] left;
    final int[] right;
    final double[][] value;
    final int[] samples;
    final double[] impurity;
    final int numFeatures;

    Tree(int[] feature, double[] threshold, int[] left, int[] right, double[][] value, int[] samples,
            double[] impurity, int numFeatures) {
        this.feature = feature;
        this.threshold = threshold;
        this.left = left;
        this.right = right;
        this.value = value;
        this.samples = samples;
        this.impurity = impurity;
        this.numFeatures = numFeatures;
    }

    int leafOf(double[] row) {
        int node = 0;
        while (feature[node] >= 0) {
            node = row[feature[node]] <= threshold[node] ? left[node] : right[node];
        }
        return node;
    }

    double[] valueOf(double[] row) {
        return value[leafOf(row)];
    }

    int nodeCount() {
        return feature.length;
    }

    int leafCount() {
        int leaves = 0;
        for (int f : feature) {
            leaves += f < 0 ? 1 : 0;
        }
        return leaves;
    }

    int depth() {
        return depth(0);
    }

    private int depth(int node) {
        return feature[node] < 0 ? 0 : 1 + Math.max(depth(left[node]), depth(right[node]));
    }

    /**
     * Mean decrease in impurity per feature, weighted by the fraction of rows reaching each split,
     * normalised to sum to 1 (scikit-learn's {@code feature_importances_}); all zeros for a stump.
     */
    double[] unnormalisedImportances() {
        double[] imp = new double[numFeatures];
        for (int node = 0; node < feature.length; node++) {
            if (feature[node] >= 0) {
                int l = left[node];
                int r = right[node];
                imp[feature[node]] += samples[node] * impurity[node] - samples[l] * impurity[l]
                        - samples[r] * impurity[r];
            }
        }
        for (int j = 0; j < imp.length; j++) {
            imp[j] /= samples[0];
        }
        return imp;
    }

    static double[] normalise(double[] v) {
        double sum = 0;
        for (double x : v) {
            sum += x;
        }
        double[] out = v.clone();
        if (sum > 0) {
            for (int j = 0; j < out.length; j++) {
                out[j] /= sum;
            }
        }
        return out;
    }

    /** The tree as indented text, in the layout of scikit-learn's {@code export_text}. */
    String toText(String[] featureNames, String[] classNames) {
        if (featureNames != null && featureNames.length != numFeatures) {
            throw new IllegalArgumentException("toText: " + featureNames.length + " feature names for "
                    + numFeatures + " features");
        }
        StringBuilder sb = new StringBuilder();
        write(sb, 0, 1, featureNames, classNames);
        return sb.toString();
    }

    private void write(StringBuilder sb, int node, int level, String[] names, String[] classNames) {
        String indent = "|   ".repeat(level - 1) + "|--- ";
        if (feature[node] < 0) {
            sb.append(indent).append(leafText(node, classNames)).append('\n');
            return;
        }
        String name = names == null ? "feature_" + feature[node] : names[feature[node]];
        String t = String.format(Locale.ROOT, "%.2f", threshold[node]);
        sb.append(indent).append(name).append(" <= ").append(t).append('\n');
        write(sb, left[node], level + 1, names, classNames);
        sb.append(indent).append(name).append(" >  ").append(t).append('\n');
        write(sb, right[node], level + 1, names, classNames);
    }

    private String leafText(int node, String[] classNames) {
        double[] v = value[node];
        if (classNames == null && v.length == 1) {
            return String.format(Locale.ROOT, "value: [%.2f]", v[0]);
        }
        int c = Classifier.argmax(v);
        if (classNames != null && c >= classNames.length) {
            throw new IllegalArgumentException("toText: " + classNames.length + " class names for class " + c);
        }
        return "class: " + (classNames == null ? Integer.toString(c) : classNames[c]);
    }
}

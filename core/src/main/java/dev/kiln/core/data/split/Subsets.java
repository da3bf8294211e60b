package dev.kiln.core.data.split;

import dev.kiln.core.ml.ClassificationSet;
import dev.kiln.core.ml.RegressionSet;

/** Row subsets of model inputs by index (the rows of a {@link Fold} or {@link Partition}). */
public final class Subsets {
    private Subsets() {
    }

    /** The rows at {@code rows} (the row arrays are shared, not copied: model inputs are read-only). */
    public static double[][] rows(double[][] features, int[] rows) {
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = features[check(rows[i], features.length)];
        }
        return out;
    }

    public static int[] rows(int[] labels, int[] rows) {
        int[] out = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = labels[check(rows[i], labels.length)];
        }
        return out;
    }

    public static double[] rows(double[] targets, int[] rows) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = targets[check(rows[i], targets.length)];
        }
        return out;
    }

    public static ClassificationSet rows(ClassificationSet set, int[] rows) {
        return new ClassificationSet(rows(set.features(), rows), rows(set.labels(), rows));
    }

    public static RegressionSet rows(RegressionSet set, int[] rows) {
        return new RegressionSet(rows(set.features(), rows), rows(set.targets(), rows));
    }

    private static int check(int row, int n) {
        if (row < 0 || row >= n) {
            throw new IndexOutOfBoundsException("row " + row + " outside [0, " + n + ")");
        }
        return row;
    }
}

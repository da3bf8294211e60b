package dev.kiln.supervised.classic;

import dev.kiln.core.ml.ClassificationSet;
import dev.kiln.core.ml.RegressionSet;

/** Input checks shared by the classic models: rectangular, finite features; labels in range. */
final class Rows {
    private Rows() {
    }

    /** Checks that {@code x} is non-empty, rectangular and finite; returns the number of features. */
    static int checkFeatures(double[][] x, String who) {
        if (x.length == 0) {
            throw new IllegalArgumentException(who + ": no rows to fit");
        }
        int d = x[0].length;
        for (int i = 0; i < x.length; i++) {
            if (x[i].length != d) {
                throw new IllegalArgumentException(who + ": row " + i + " has " + x[i].length
                        + " features, row 0 has " + d);
            }
            for (int j = 0; j < d; j++) {
                if (!Double.isFinite(x[i][j])) {
                    throw new IllegalArgumentException(who + ": feature " + j + " of row " + i + " is " + x[i][j]
                            + " (impute or drop missing values first)");
                }
            }
        }
        return d;
    }

    /** Checks rows given to a fitted model: each must have {@code d} finite features. */
    static void checkPredict(double[][] x, int d, String who) {
        for (int i = 0; i < x.length; i++) {
            if (x[i].length != d) {
                throw new IllegalArgumentException(who + ": row " + i + " has " + x[i].length
                        + " features, the model was fitted on " + d);
            }
            for (int j = 0; j < d; j++) {
                if (!Double.isFinite(x[i][j])) {
                    throw new IllegalArgumentException(who + ": feature " + j + " of row " + i + " is " + x[i][j]);
                }
            }
        }
    }

    /**
     * Labels at or above this are rejected when the data has fewer rows. The class count is taken as
     * 1 + the largest label and models allocate per-class arrays (tree leaves hold k counts, logistic
     * regression a k x d weight matrix), so an unbounded label such as 1,000,000,000 runs out of
     * memory and {@code Integer.MAX_VALUE} overflows k to a negative size. A dataset cannot have more
     * non-empty classes than rows; 2^16 leaves room for sparse label ids on small data (ids encoded
     * over a larger set) while keeping per-class arrays small.
     */
    static final int MIN_LABEL_CAP = 1 << 16;

    /**
     * Checks features and labels; returns the number of classes (1 + the largest label, at least 2).
     * Labels must be {@code >= 0} and {@code < max(rows, }{@value #MIN_LABEL_CAP}{@code )}.
     */
    static int checkClassification(ClassificationSet data, String who) {
        checkFeatures(data.features(), who);
        int k = 0;
        int[] y = data.labels();
        int cap = Math.max(y.length, MIN_LABEL_CAP);
        for (int i = 0; i < y.length; i++) {
            if (y[i] < 0) {
                throw new IllegalArgumentException(who + ": label " + y[i] + " at row " + i
                        + " is negative (labels must be 0..k-1)");
            }
            if (y[i] >= cap) {
                throw new IllegalArgumentException(who + ": label " + y[i] + " at row " + i + " is too large: labels"
                        + " must be 0..k-1 with k at most max(rows, " + MIN_LABEL_CAP + ") = " + cap
                        + " (encode the labels first, e.g. with LabelEncoder)");
            }
            k = Math.max(k, y[i] + 1);
        }
        return Math.max(k, 2);
    }

    static int checkRegression(RegressionSet data, String who) {
        int d = checkFeatures(data.features(), who);
        double[] t = data.targets();
        for (int i = 0; i < t.length; i++) {
            if (!Double.isFinite(t[i])) {
                throw new IllegalArgumentException(who + ": target of row " + i + " is " + t[i]);
            }
        }
        return d;
    }

    static void positive(double v, String name) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(name + " must be positive and finite, got " + v);
        }
    }

    static void nonNegative(double v, String name) {
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(name + " must be >= 0 and finite, got " + v);
        }
    }

    static void atLeast(int v, int min, String name) {
        if (v < min) {
            throw new IllegalArgumentException(name + " must be at least " + min + ", got " + v);
        }
    }


    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** {@code w_m·x + b_m} for every row and every weight vector: shape {@code [rows][weights.length]}. */
    static double[][] linearScores(double[][] x, double[][] weights, double[] intercepts, String who) {
        checkPredict(x, weights[0].length, who);
        double[][] out = new double[x.length][weights.length];
        for (int i = 0; i < x.length; i++) {
            for (int m = 0; m < weights.length; m++) {
                out[i][m] = dot(x[i], weights[m]) + intercepts[m];
            }
        }
        return out;
    }

    /** Threads for parallel fitting: {@code kiln.threads} / {@code KILN_THREADS}, else all processors. */
    static int defaultThreads() {
        String v = System.getProperty("kiln.threads", System.getenv("KILN_THREADS"));
        if (v != null && !v.isBlank()) {
            try {
                int n = Integer.parseInt(v.trim());
                if (n > 0) {
                    return n;
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("kiln.threads / KILN_THREADS must be a positive integer, got '"
                        + v + "'", e);
            }
        }
        return Runtime.getRuntime().availableProcessors();
    }
}

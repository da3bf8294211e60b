package dev.kiln.core.metrics;

import java.util.Arrays;

/**
 * Classification metrics from predicted and true class indices {@code 0..k-1}: accuracy, the
 * confusion matrix, per-class precision/recall/F1 and their macro and weighted averages (the
 * definitions of scikit-learn's {@code classification_report}; a class with no predictions has
 * precision 0, one with no true samples has recall 0).
 */
public final class ClassificationMetrics {
    private final int[][] confusion;
    private final int total;

    private ClassificationMetrics(int[][] confusion, int total) {
        this.confusion = confusion;
        this.total = total;
    }

    /** Builds the metrics; {@code numClasses} must exceed every label. */
    public static ClassificationMetrics of(int[] actual, int[] predicted, int numClasses) {
        if (actual.length != predicted.length) {
            throw new IllegalArgumentException("metrics: " + actual.length + " true labels but " + predicted.length
                    + " predictions");
        }
        int[][] c = new int[numClasses][numClasses];
        for (int i = 0; i < actual.length; i++) {
            check(actual[i], numClasses, "true label", i);
            check(predicted[i], numClasses, "prediction", i);
            c[actual[i]][predicted[i]]++;
        }
        return new ClassificationMetrics(c, actual.length);
    }

    /** Infers the number of classes as 1 + the largest label seen. */
    public static ClassificationMetrics of(int[] actual, int[] predicted) {
        int k = 0;
        for (int v : actual) {
            k = Math.max(k, v + 1);
        }
        for (int v : predicted) {
            k = Math.max(k, v + 1);
        }
        return of(actual, predicted, k);
    }

    private static void check(int label, int k, String what, int i) {
        if (label < 0 || label >= k) {
            throw new IllegalArgumentException("metrics: " + what + " " + label + " at row " + i
                    + " is outside [0, " + k + ")");
        }
    }

    /** Fraction of rows predicted correctly. */
    public static double accuracy(int[] actual, int[] predicted) {
        if (actual.length != predicted.length) {
            throw new IllegalArgumentException("accuracy: " + actual.length + " true labels but "
                    + predicted.length + " predictions");
        }
        int ok = 0;
        for (int i = 0; i < actual.length; i++) {
            ok += actual[i] == predicted[i] ? 1 : 0;
        }
        return actual.length == 0 ? Double.NaN : (double) ok / actual.length;
    }

    /** Fraction of rows whose true class is among the {@code k} highest scores. */
    public static double topKAccuracy(float[][] scores, int[] actual, int k) {
        int ok = 0;
        for (int i = 0; i < actual.length; i++) {
            float own = scores[i][actual[i]];
            int higher = 0;
            for (int j = 0; j < scores[i].length; j++) {
                // ties count against the true class only when they come before it (stable, like argsort)
                if (scores[i][j] > own || (scores[i][j] == own && j < actual[i])) {
                    higher++;
                }
            }
            ok += higher < k ? 1 : 0;
        }
        return actual.length == 0 ? Double.NaN : (double) ok / actual.length;
    }

    public int numClasses() {
        return confusion.length;
    }

    /** {@code [true class][predicted class]} counts (a copy). */
    public int[][] confusionMatrix() {
        int[][] c = new int[confusion.length][];
        for (int i = 0; i < c.length; i++) {
            c[i] = confusion[i].clone();
        }
        return c;
    }

    public double accuracy() {
        int ok = 0;
        for (int i = 0; i < confusion.length; i++) {
            ok += confusion[i][i];
        }
        return total == 0 ? Double.NaN : (double) ok / total;
    }

    public int support(int cls) {
        return Arrays.stream(confusion[cls]).sum();
    }

    public double precision(int cls) {
        int predicted = 0;
        for (int[] row : confusion) {
            predicted += row[cls];
        }
        return predicted == 0 ? 0 : (double) confusion[cls][cls] / predicted;
    }

    public double recall(int cls) {
        int actual = support(cls);
        return actual == 0 ? 0 : (double) confusion[cls][cls] / actual;
    }

    public double f1(int cls) {
        double p = precision(cls);
        double r = recall(cls);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    public double macroPrecision() {
        return macro(this::precision);
    }

    public double macroRecall() {
        return macro(this::recall);
    }

    public double macroF1() {
        return macro(this::f1);
    }

    public double weightedF1() {
        return weighted(this::f1);
    }

    public double weightedPrecision() {
        return weighted(this::precision);
    }

    public double weightedRecall() {
        return weighted(this::recall);
    }

    private double macro(java.util.function.IntToDoubleFunction f) {
        double s = 0;
        for (int c = 0; c < confusion.length; c++) {
            s += f.applyAsDouble(c);
        }
        return s / confusion.length;
    }

    private double weighted(java.util.function.IntToDoubleFunction f) {
        double s = 0;
        for (int c = 0; c < confusion.length; c++) {
            s += f.applyAsDouble(c) * support(c);
        }
        return total == 0 ? 0 : s / total;
    }
}

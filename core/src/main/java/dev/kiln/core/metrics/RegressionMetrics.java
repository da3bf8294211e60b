package dev.kiln.core.metrics;

/**
 * Regression metrics with scikit-learn's definitions: mean squared error, its root, mean absolute
 * error and the coefficient of determination R² = 1 - SS_res / SS_tot (for a constant target, R² is
 * 1 when predictions are exact and 0 otherwise, as in scikit-learn).
 */
public final class RegressionMetrics {
    private RegressionMetrics() {
    }

    public static double mse(double[] actual, double[] predicted) {
        check(actual, predicted, "mse");
        double s = 0;
        for (int i = 0; i < actual.length; i++) {
            double d = actual[i] - predicted[i];
            s += d * d;
        }
        return s / actual.length;
    }

    public static double rmse(double[] actual, double[] predicted) {
        return Math.sqrt(mse(actual, predicted));
    }

    public static double mae(double[] actual, double[] predicted) {
        check(actual, predicted, "mae");
        double s = 0;
        for (int i = 0; i < actual.length; i++) {
            s += Math.abs(actual[i] - predicted[i]);
        }
        return s / actual.length;
    }

    public static double r2(double[] actual, double[] predicted) {
        check(actual, predicted, "r2");
        double mean = 0;
        for (double v : actual) {
            mean += v;
        }
        mean /= actual.length;
        double ssRes = 0;
        double ssTot = 0;
        for (int i = 0; i < actual.length; i++) {
            double r = actual[i] - predicted[i];
            double t = actual[i] - mean;
            ssRes += r * r;
            ssTot += t * t;
        }
        if (ssTot == 0) {
            return ssRes == 0 ? 1 : 0;
        }
        return 1 - ssRes / ssTot;
    }

    private static void check(double[] actual, double[] predicted, String what) {
        if (actual.length != predicted.length) {
            throw new IllegalArgumentException(what + ": " + actual.length + " targets but " + predicted.length
                    + " predictions");
        }
        if (actual.length == 0) {
            throw new IllegalArgumentException(what + ": no rows");
        }
    }
}

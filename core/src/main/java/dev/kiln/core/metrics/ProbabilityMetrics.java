package dev.kiln.core.metrics;

import java.util.Arrays;

/**
 * Metrics on scores and class probabilities: ROC-AUC (binary, and one-vs-rest macro average for
 * several classes) and log-loss, with scikit-learn's definitions ({@code roc_auc_score},
 * {@code roc_auc_score(multi_class="ovr", average="macro")}, {@code log_loss}).
 */
public final class ProbabilityMetrics {
    /** Probabilities are clipped to [EPS, 1-EPS] before the logarithm, so one confident mistake is finite. */
    public static final double LOG_LOSS_EPS = 1e-15;

    private ProbabilityMetrics() {
    }

    /**
     * Area under the ROC curve for binary labels (1 = positive) and a score that is higher for the
     * positive class. Computed as the Mann–Whitney statistic with average ranks, so tied scores
     * count one half: the same value as the trapezoidal area under the ROC curve.
     */
    public static double rocAuc(int[] actual, double[] score) {
        if (actual.length != score.length) {
            throw new IllegalArgumentException("rocAuc: " + actual.length + " labels but " + score.length + " scores");
        }
        boolean[] positive = new boolean[actual.length];
        for (int i = 0; i < actual.length; i++) {
            if (actual[i] != 0 && actual[i] != 1) {
                throw new IllegalArgumentException("rocAuc: label " + actual[i] + " at row " + i
                        + " is not binary (0 or 1); use rocAucOvr for several classes");
            }
            positive[i] = actual[i] == 1;
        }
        return auc(positive, score, "rocAuc");
    }

    /**
     * One-vs-rest ROC-AUC averaged over classes (macro): class {@code c} against all others, scored
     * by {@code proba[i][c]}. Every class must occur and must not be the only one present.
     */
    public static double rocAucOvr(int[] actual, double[][] proba) {
        checkRows(actual, proba, "rocAucOvr");
        int k = proba.length == 0 ? 0 : proba[0].length;
        if (k < 2) {
            throw new IllegalArgumentException("rocAucOvr: need at least 2 classes of scores, got " + k);
        }
        double sum = 0;
        for (int c = 0; c < k; c++) {
            boolean[] positive = new boolean[actual.length];
            double[] score = new double[actual.length];
            for (int i = 0; i < actual.length; i++) {
                positive[i] = actual[i] == c;
                score[i] = proba[i][c];
            }
            sum += auc(positive, score, "rocAucOvr (class " + c + ")");
        }
        return sum / k;
    }

    /**
     * Mean negative log-likelihood of the true class, {@code -mean(log p[i][actual[i]])}, with
     * probabilities clipped to [{@link #LOG_LOSS_EPS}, 1-EPS].
     */
    public static double logLoss(int[] actual, double[][] proba) {
        checkRows(actual, proba, "logLoss");
        if (actual.length == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (int i = 0; i < actual.length; i++) {
            double p = proba[i][actual[i]];
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException("logLoss: probability " + p + " at row " + i + " is not in [0, 1]");
            }
            sum -= Math.log(Math.min(1 - LOG_LOSS_EPS, Math.max(LOG_LOSS_EPS, p)));
        }
        return sum / actual.length;
    }

    private static void checkRows(int[] actual, double[][] proba, String what) {
        if (actual.length != proba.length) {
            throw new IllegalArgumentException(what + ": " + actual.length + " labels but " + proba.length
                    + " rows of probabilities");
        }
        for (int i = 0; i < actual.length; i++) {
            if (proba[i].length != proba[0].length) {
                throw new IllegalArgumentException(what + ": row " + i + " has " + proba[i].length
                        + " probabilities, row 0 has " + proba[0].length);
            }
            if (actual[i] < 0 || actual[i] >= proba[i].length) {
                throw new IllegalArgumentException(what + ": label " + actual[i] + " at row " + i
                        + " is outside [0, " + proba[i].length + ")");
            }
        }
    }

    private static double auc(boolean[] positive, double[] score, String what) {
        int n = positive.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(score[i])) {
                throw new IllegalArgumentException(what + ": score at row " + i + " is NaN");
            }
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(score[a], score[b]));
        double rankSumPositive = 0;
        long positives = 0;
        for (int start = 0; start < n; ) {
            int end = start;
            while (end + 1 < n && score[order[end + 1]] == score[order[start]]) {
                end++;
            }
            double averageRank = (start + end) / 2.0 + 1; // ranks are 1-based; ties share the mean rank
            for (int j = start; j <= end; j++) {
                if (positive[order[j]]) {
                    rankSumPositive += averageRank;
                    positives++;
                }
            }
            start = end + 1;
        }
        long negatives = n - positives;
        if (positives == 0 || negatives == 0) {
            throw new IllegalArgumentException(what + ": ROC-AUC is undefined with " + positives + " positive and "
                    + negatives + " negative rows (both classes must occur)");
        }
        return (rankSumPositive - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }
}

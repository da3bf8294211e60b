package dev.kiln.supervised.classic;

import java.util.Arrays;

/**
 * Node statistics, impurities and the split score of a CART criterion, written with
 * scikit-learn's formulas in its order of floating-point operations ({@code _criterion.pyx}).
 * That matters for ties: two splits that are equally good in exact arithmetic must get the same
 * double (or differ the same way) as in scikit-learn, otherwise rounding, not the feature order,
 * would pick the winner. Statistics are per-class weighted counts (gini, entropy) or the weighted
 * sums {@code (Σw·y, Σw·y²)} (MSE); a row's weight is how often a bootstrap sample drew it.
 */
final class SplitCriterion {
    enum Kind { GINI, ENTROPY, MSE }

    private static final double LN2 = Math.log(2.0);

    private final Kind kind;
    private final int[] labels;
    private final double[] targets;
    private final int width;
    private final double[] right;

    SplitCriterion(Kind kind, int[] labels, double[] targets, int classes) {
        this.kind = kind;
        this.labels = labels;
        this.targets = targets;
        this.width = kind == Kind.MSE ? 2 : classes;
        this.right = new double[width];
    }

    double[] newStats() {
        return new double[width];
    }

    void clear(double[] s) {
        Arrays.fill(s, 0);
    }

    /** Adds row {@code row} with weight {@code w} to the statistics {@code s}. */
    void add(double[] s, int row, double w) {
        if (kind == Kind.MSE) {
            double wy = w * targets[row];
            s[0] += wy;
            s[1] += wy * targets[row];
        } else {
            s[labels[row]] += w;
        }
    }

    /** Impurity of a node with statistics {@code s} and total weight {@code n}. */
    double impurity(double[] s, double n) {
        switch (kind) {
            case MSE -> {
                double mean = s[0] / n;
                return Math.max(0, s[1] / n - mean * mean);
            }
            case GINI -> {
                double sq = 0;
                for (double c : s) {
                    sq += c * c;
                }
                return 1.0 - sq / (n * n);
            }
            default -> {
                double h = 0;
                for (double c : s) {
                    if (c > 0) {
                        double p = c / n;
                        h -= p * (Math.log(p) / LN2);
                    }
                }
                return h;
            }
        }
    }

    /**
     * scikit-learn's {@code proxy_impurity_improvement}: orders splits like the impurity decrease
     * without its constant terms. Gini and entropy: {@code -wR·I(R) - wL·I(L)}; MSE:
     * {@code (ΣL)²/wL + (ΣR)²/wR}. {@code left} holds the left child's statistics, {@code total}
     * the node's.
     */
    double proxy(double[] left, double wl, double[] total, double wn) {
        double wr = wn - wl;
        for (int c = 0; c < width; c++) {
            right[c] = total[c] - left[c];
        }
        if (kind == Kind.MSE) {
            return left[0] * left[0] / wl + right[0] * right[0] / wr;
        }
        return -wr * impurity(right, wr) - wl * impurity(left, wl);
    }

    /** Class fractions (classification) or the weighted mean target (regression). */
    double[] leafValue(double[] s, double n) {
        if (kind == Kind.MSE) {
            return new double[] {s[0] / n};
        }
        double[] p = new double[width];
        for (int c = 0; c < width; c++) {
            p[c] = s[c] / n;
        }
        return p;
    }
}

package dev.kiln.unsupervised.metrics;

import org.apache.commons.math3.special.Gamma;

/**
 * Agreement between a clustering and ground-truth classes, with scikit-learn's definitions and
 * edge cases: the adjusted Rand index, (adjusted) normalised mutual information with the arithmetic
 * mean as normaliser, homogeneity, completeness and the V-measure. Natural logarithms throughout
 * (the normalised scores do not depend on the base).
 */
public final class ExternalMetrics {
    private ExternalMetrics() {
    }

    /** Adjusted Rand index: 1 for identical partitions (up to renaming), about 0 for random ones. */
    public static double adjustedRandIndex(int[] truth, int[] predicted) {
        Contingency c = Contingency.of(truth, predicted);
        double n = c.n;
        double sumSquares = 0;
        for (long[] row : c.table) {
            for (long v : row) {
                sumSquares += (double) v * v;
            }
        }
        double sumRows = 0;
        for (long v : c.rowSums) {
            sumRows += (double) v * v;
        }
        double sumCols = 0;
        for (long v : c.colSums) {
            sumCols += (double) v * v;
        }
        // the pair confusion matrix, counting ordered pairs as scikit-learn does
        double tp = sumSquares - n;
        double fp = sumCols - sumSquares;
        double fn = sumRows - sumSquares;
        double tn = n * n - fp - fn - sumSquares;
        if (fn == 0 && fp == 0) {
            return 1.0;
        }
        return 2.0 * (tp * tn - fn * fp) / ((tp + fn) * (fn + tn) + (tp + fp) * (fp + tn));
    }

    /** Mutual information (nats) between the two labelings. */
    public static double mutualInformation(int[] truth, int[] predicted) {
        return Contingency.of(truth, predicted).mutualInformation();
    }

    /** Mutual information over the arithmetic mean of the two entropies. */
    public static double normalizedMutualInformation(int[] truth, int[] predicted) {
        Contingency c = Contingency.of(truth, predicted);
        if (trivial(c)) {
            return 1.0;
        }
        double mi = c.mutualInformation();
        if (mi == 0) {
            return 0.0;
        }
        double norm = (Contingency.entropy(c.rowSums, c.n) + Contingency.entropy(c.colSums, c.n)) / 2;
        return mi / norm;
    }

    /** Mutual information adjusted for chance (expected MI under the hypergeometric model). */
    public static double adjustedMutualInformation(int[] truth, int[] predicted) {
        Contingency c = Contingency.of(truth, predicted);
        if (trivial(c)) {
            return 1.0;
        }
        double mi = c.mutualInformation();
        double emi = expectedMutualInformation(c);
        double norm = (Contingency.entropy(c.rowSums, c.n) + Contingency.entropy(c.colSums, c.n)) / 2;
        double denominator = norm - emi;
        double eps = Math.ulp(1.0);
        denominator = denominator < 0 ? Math.min(denominator, -eps) : Math.max(denominator, eps);
        return (mi - emi) / denominator;
    }

    /** Each cluster holds members of one class only (1 = perfectly homogeneous). */
    public static double homogeneity(int[] truth, int[] predicted) {
        return hcv(truth, predicted, 1.0)[0];
    }

    /** All members of a class are in one cluster (1 = perfectly complete). */
    public static double completeness(int[] truth, int[] predicted) {
        return hcv(truth, predicted, 1.0)[1];
    }

    /** Harmonic mean of homogeneity and completeness (beta = 1). */
    public static double vMeasure(int[] truth, int[] predicted) {
        return vMeasure(truth, predicted, 1.0);
    }

    /** Weighted harmonic mean; beta > 1 weights completeness more. Equals NMI (arithmetic) for beta = 1. */
    public static double vMeasure(int[] truth, int[] predicted, double beta) {
        return hcv(truth, predicted, beta)[2];
    }

    private static double[] hcv(int[] truth, int[] predicted, double beta) {
        Contingency c = Contingency.of(truth, predicted);
        double hTrue = Contingency.entropy(c.rowSums, c.n);
        double hPred = Contingency.entropy(c.colSums, c.n);
        double mi = c.mutualInformation();
        double h = hTrue == 0 ? 1.0 : mi / hTrue;
        double comp = hPred == 0 ? 1.0 : mi / hPred;
        double v = h + comp == 0 ? 0.0 : (1 + beta) * h * comp / (beta * h + comp);
        return new double[] {h, comp, v};
    }

    /** One class and one cluster: nothing was split, a perfect match by convention. */
    private static boolean trivial(Contingency c) {
        return c.rowSums.length == 1 && c.colSums.length == 1;
    }

    /** Expected mutual information of two random labelings with these marginals (Vinh et al. 2010). */
    static double expectedMutualInformation(Contingency c) {
        long n = c.n;
        double lgN = Gamma.logGamma(n + 1.0);
        double emi = 0;
        for (long a : c.rowSums) {
            for (long b : c.colSums) {
                long start = Math.max(1, a + b - n);
                long end = Math.min(a, b);
                double base = Gamma.logGamma(a + 1.0) + Gamma.logGamma(b + 1.0) + Gamma.logGamma(n - a + 1.0)
                        + Gamma.logGamma(n - b + 1.0) - lgN;
                for (long nij = start; nij <= end; nij++) {
                    double logP = base - Gamma.logGamma(nij + 1.0) - Gamma.logGamma(a - nij + 1.0)
                            - Gamma.logGamma(b - nij + 1.0) - Gamma.logGamma(n - a - b + nij + 1.0);
                    double term = (double) nij / n * (Math.log((double) n * nij) - Math.log((double) a * b));
                    emi += term * Math.exp(logP);
                }
            }
        }
        return emi;
    }
}

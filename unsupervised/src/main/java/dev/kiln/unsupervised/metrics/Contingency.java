package dev.kiln.unsupervised.metrics;

import java.util.Arrays;

/**
 * The contingency table of two labelings (rows: true classes, columns: clusters). Any int is a
 * label, including DBSCAN's noise label -1, which counts as one more cluster (as in scikit-learn).
 */
final class Contingency {
    final long[][] table;
    final long[] rowSums;
    final long[] colSums;
    final long n;

    private Contingency(long[][] table, long[] rowSums, long[] colSums, long n) {
        this.table = table;
        this.rowSums = rowSums;
        this.colSums = colSums;
        this.n = n;
    }

    static Contingency of(int[] truth, int[] predicted) {
        if (truth.length != predicted.length) {
            throw new IllegalArgumentException("cluster metrics: " + truth.length + " true labels but "
                    + predicted.length + " predicted labels");
        }
        if (truth.length == 0) {
            throw new IllegalArgumentException("cluster metrics: no labels");
        }
        int[] t = dense(truth);
        int[] p = dense(predicted);
        int rows = max(t) + 1;
        int cols = max(p) + 1;
        long[][] table = new long[rows][cols];
        long[] rowSums = new long[rows];
        long[] colSums = new long[cols];
        for (int i = 0; i < t.length; i++) {
            table[t[i]][p[i]]++;
            rowSums[t[i]]++;
            colSums[p[i]]++;
        }
        return new Contingency(table, rowSums, colSums, t.length);
    }

    /** Maps arbitrary labels to 0..m-1 in sorted order of the original values. */
    static int[] dense(int[] labels) {
        int[] sorted = labels.clone();
        Arrays.sort(sorted);
        int m = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                sorted[m++] = sorted[i];
            }
        }
        int[] distinct = Arrays.copyOf(sorted, m);
        int[] out = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            out[i] = Arrays.binarySearch(distinct, labels[i]);
        }
        return out;
    }

    private static int max(int[] v) {
        int m = -1;
        for (int x : v) {
            m = Math.max(m, x);
        }
        return m;
    }

    static double entropy(long[] counts, long n) {
        double h = 0;
        for (long c : counts) {
            if (c > 0) {
                double p = (double) c / n;
                h -= p * Math.log(p);
            }
        }
        return h;
    }

    double mutualInformation() {
        double mi = 0;
        for (int i = 0; i < table.length; i++) {
            for (int j = 0; j < table[i].length; j++) {
                long c = table[i][j];
                if (c > 0) {
                    mi += (double) c / n * (Math.log((double) c * n) - Math.log((double) rowSums[i] * colSums[j]));
                }
            }
        }
        return Math.max(mi, 0);
    }
}

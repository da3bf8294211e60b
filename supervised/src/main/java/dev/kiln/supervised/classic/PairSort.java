package dev.kiln.supervised.classic;

/** Sorts a prefix of a double array ascending, carrying an int array along (no boxing). */
final class PairSort {
    private PairSort() {
    }

    static void sort(double[] v, int[] idx, int n) {
        quicksort(v, idx, 0, n - 1);
    }

    private static void quicksort(double[] v, int[] idx, int lo, int hi) {
        while (hi - lo > 16) {
            int mid = (lo + hi) >>> 1;
            // median of three as pivot
            if (v[mid] < v[lo]) {
                swap(v, idx, mid, lo);
            }
            if (v[hi] < v[lo]) {
                swap(v, idx, hi, lo);
            }
            if (v[hi] < v[mid]) {
                swap(v, idx, hi, mid);
            }
            double pivot = v[mid];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (v[i] < pivot) {
                    i++;
                }
                while (v[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    swap(v, idx, i++, j--);
                }
            }
            // recurse into the smaller side, loop on the larger: bounded stack depth
            if (j - lo < hi - i) {
                quicksort(v, idx, lo, j);
                lo = i;
            } else {
                quicksort(v, idx, i, hi);
                hi = j;
            }
        }
        for (int i = lo + 1; i <= hi; i++) {
            double key = v[i];
            int k = idx[i];
            int j = i - 1;
            while (j >= lo && v[j] > key) {
                v[j + 1] = v[j];
                idx[j + 1] = idx[j];
                j--;
            }
            v[j + 1] = key;
            idx[j + 1] = k;
        }
    }

    private static void swap(double[] v, int[] idx, int a, int b) {
        double t = v[a];
        v[a] = v[b];
        v[b] = t;
        int u = idx[a];
        idx[a] = idx[b];
        idx[b] = u;
    }
}

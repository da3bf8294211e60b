package dev.kiln.core.data;

/** Shape helper for batches. */
final class Rows {
    private Rows() {
    }

    /** {@code [n, ...sample]}. */
    static int[] shape(int n, int[] sample) {
        int[] s = new int[sample.length + 1];
        s[0] = n;
        System.arraycopy(sample, 0, s, 1, sample.length);
        return s;
    }
}

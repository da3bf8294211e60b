package dev.kiln.supervised.classic;

import dev.kiln.core.tensor.Rng;

/** One forest member: its tree and the rows it was grown on (a bootstrap sample repeats rows). */
record Bagged(Tree tree, int[] rows) {
    static int[] sample(int n, boolean bootstrap, Rng rng) {
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            rows[i] = bootstrap ? rng.nextInt(n) : i;
        }
        return rows;
    }

    boolean[] inBag(int n) {
        boolean[] in = new boolean[n];
        for (int r : rows) {
            in[r] = true;
        }
        return in;
    }
}

package dev.kiln.supervised.train;

import dev.kiln.core.data.ArrayDataset;
import dev.kiln.core.tensor.Rng;

/** Three Gaussian blobs in 4 dimensions: a small, learnable, seeded classification set. */
final class Blobs {
    private Blobs() {
    }

    static ArrayDataset make(int n, long seed, double spread) {
        Rng rng = new Rng(seed);
        float[][] centres = {{2, 0, 0, 1}, {0, 2, 0, -1}, {0, 0, 2, 0}};
        float[][] x = new float[n][4];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 3;
            for (int d = 0; d < 4; d++) {
                x[i][d] = (float) (centres[y[i]][d] + spread * rng.nextGaussian());
            }
        }
        return ArrayDataset.ofLabels(x, y);
    }
}

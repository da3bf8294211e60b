package dev.kiln.unsupervised;

import dev.kiln.core.tensor.Rng;

/** Seeded test sets: Gaussian blobs and scikit-learn's two moons. */
final class Synthetic {
    private Synthetic() {
    }

    record Labelled(Points points, int[] labels) {
    }

    /** {@code perCluster} points around each centre with isotropic standard deviation {@code std}. */
    static Labelled blobs(double[][] centres, int perCluster, double std, long seed) {
        Rng rng = new Rng(seed);
        int d = centres[0].length;
        double[][] x = new double[centres.length * perCluster][d];
        int[] y = new int[x.length];
        for (int c = 0; c < centres.length; c++) {
            for (int i = 0; i < perCluster; i++) {
                int row = c * perCluster + i;
                y[row] = c;
                for (int j = 0; j < d; j++) {
                    x[row][j] = centres[c][j] + std * rng.nextGaussian();
                }
            }
        }
        return new Labelled(Points.of(x), y);
    }

    /** Two interleaved half circles (scikit-learn's make_moons) with Gaussian noise. */
    static Labelled moons(int perMoon, double noise, long seed) {
        Rng rng = new Rng(seed);
        double[][] x = new double[2 * perMoon][2];
        int[] y = new int[x.length];
        for (int i = 0; i < perMoon; i++) {
            double t = Math.PI * i / (perMoon - 1);
            x[i][0] = Math.cos(t);
            x[i][1] = Math.sin(t);
            x[perMoon + i][0] = 1 - Math.cos(t);
            x[perMoon + i][1] = 0.5 - Math.sin(t);
            y[perMoon + i] = 1;
        }
        for (double[] row : x) {
            row[0] += noise * rng.nextGaussian();
            row[1] += noise * rng.nextGaussian();
        }
        return new Labelled(Points.of(x), y);
    }
}

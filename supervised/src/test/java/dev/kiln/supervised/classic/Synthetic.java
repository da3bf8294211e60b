package dev.kiln.supervised.classic;

import dev.kiln.core.ml.ClassificationSet;
import dev.kiln.core.tensor.Rng;

/** Seeded synthetic data sets for the model tests. */
final class Synthetic {
    private Synthetic() {
    }

    /** Gaussian blobs, {@code perClass} rows around each centre with standard deviation {@code std}. */
    static ClassificationSet blobs(double[][] centres, int perClass, double std, long seed) {
        Rng rng = new Rng(seed);
        int n = centres.length * perClass;
        double[][] x = new double[n][];
        int[] y = new int[n];
        int[] order = rng.permutation(n);
        for (int i = 0; i < n; i++) {
            int c = order[i] % centres.length;
            x[i] = new double[centres[c].length];
            for (int j = 0; j < x[i].length; j++) {
                x[i][j] = centres[c][j] + std * rng.nextGaussian();
            }
            y[i] = c;
        }
        return new ClassificationSet(x, y);
    }

    /** XOR: uniform points in [-1, 1]², class 1 when the coordinates have the same sign. */
    static ClassificationSet xor(int n, long seed) {
        Rng rng = new Rng(seed);
        double[][] x = new double[n][2];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            x[i][0] = 2 * rng.nextDouble() - 1;
            x[i][1] = 2 * rng.nextDouble() - 1;
            y[i] = x[i][0] * x[i][1] > 0 ? 1 : 0;
        }
        return new ClassificationSet(x, y);
    }

    /** A disc inside a ring: class 1 when the radius is below 0.5 (not linearly separable). */
    static ClassificationSet circles(int n, long seed) {
        Rng rng = new Rng(seed);
        double[][] x = new double[n][2];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            boolean inner = i % 2 == 0;
            double r = inner ? 0.4 * rng.nextDouble() : 0.6 + 0.4 * rng.nextDouble();
            double a = 2 * Math.PI * rng.nextDouble();
            x[i][0] = r * Math.cos(a);
            x[i][1] = r * Math.sin(a);
            y[i] = inner ? 1 : 0;
        }
        return new ClassificationSet(x, y);
    }

    static double accuracy(int[] actual, int[] predicted) {
        int ok = 0;
        for (int i = 0; i < actual.length; i++) {
            ok += actual[i] == predicted[i] ? 1 : 0;
        }
        return (double) ok / actual.length;
    }
}

package dev.kiln.core.data.split;

import dev.kiln.core.tensor.Rng;
import java.util.Arrays;

/**
 * Seeded train/validation/test splits of row indices, plain or stratified.
 *
 * <p>Sizes follow scikit-learn's {@code train_test_split}: the test set gets
 * {@code ceil(testFraction * n)} rows, the validation set {@code ceil(validationFraction * n)},
 * the training set the rest (a fraction of 0 gives an empty set). Unlike scikit-learn, the ceiling
 * forgives floating-point noise of 1e-9 (so 0.15 of 100 rows is 15, not 16 as
 * {@code ceil(15.000000000000002)} would give). Plain splits take the sets from
 * one seeded permutation. Stratified splits give each class a share of every set proportional to
 * its size: floor of the exact share, then the rows left over go to the classes with the largest
 * remainders (ties to the larger class, then the earlier one), so the set sizes are exact; within
 * a class the rows are drawn from a seeded permutation.
 */
public final class TrainValidationTestSplit {
    private final double validationFraction;
    private final double testFraction;
    private final long seed;

    /**
     * @param validationFraction share of rows for validation, in [0, 1)
     * @param testFraction share of rows for test, in [0, 1)
     * @param seed seed of the {@link Rng} that shuffles
     */
    public TrainValidationTestSplit(double validationFraction, double testFraction, long seed) {
        if (!(validationFraction >= 0 && testFraction >= 0 && validationFraction + testFraction < 1)) {
            throw new IllegalArgumentException("split fractions must be >= 0 and sum below 1, got validation="
                    + validationFraction + " test=" + testFraction);
        }
        this.validationFraction = validationFraction;
        this.testFraction = testFraction;
        this.seed = seed;
    }

    /** A train/test split (no validation set). */
    public static TrainValidationTestSplit trainTest(double testFraction, long seed) {
        return new TrainValidationTestSplit(0, testFraction, seed);
    }

    /** Split sizes {@code [train, validation, test]} for {@code n} rows. */
    public int[] sizes(int n) {
        int test = (int) Math.ceil(testFraction * n - 1e-9);
        int val = (int) Math.ceil(validationFraction * n - 1e-9);
        int train = n - test - val;
        if (train < 1 && n > 0) {
            throw new IllegalArgumentException("split of " + n + " rows leaves no training rows (validation "
                    + val + ", test " + test + ")");
        }
        return new int[] {train, val, test};
    }

    /** A plain split of rows 0..n-1. */
    public Partition split(int n) {
        int[] sizes = sizes(n);
        int[] perm = new Rng(seed).permutation(n);
        int[] test = Arrays.copyOfRange(perm, 0, sizes[2]);
        int[] val = Arrays.copyOfRange(perm, sizes[2], sizes[2] + sizes[1]);
        int[] train = Arrays.copyOfRange(perm, sizes[2] + sizes[1], n);
        return sorted(train, val, test);
    }

    /** A split that keeps the class proportions of {@code labels} in every set. */
    public Partition stratified(int[] labels) {
        int n = labels.length;
        int[] sizes = sizes(n);
        int[] y = Labels.encodeByFirstAppearance(labels);
        int[] counts = Labels.counts(y);
        int[] testPer = apportion(counts, sizes[2], n);
        int[] rest = new int[counts.length];
        for (int c = 0; c < counts.length; c++) {
            rest[c] = counts[c] - testPer[c];
        }
        // validation shares are taken from what the test set left, so a class never goes negative
        int[] valPer = apportion(rest, sizes[1], n - sizes[2]);
        Rng rng = new Rng(seed);
        int[] train = new int[sizes[0]];
        int[] val = new int[sizes[1]];
        int[] test = new int[sizes[2]];
        int a = 0;
        int b = 0;
        int t = 0;
        for (int c = 0; c < counts.length; c++) {
            int[] rows = new int[counts[c]];
            int pos = 0;
            for (int i = 0; i < n; i++) {
                if (y[i] == c) {
                    rows[pos++] = i;
                }
            }
            Labels.shuffle(rows, rng);
            for (int i = 0; i < rows.length; i++) {
                if (i < testPer[c]) {
                    test[t++] = rows[i];
                } else if (i < testPer[c] + valPer[c]) {
                    val[b++] = rows[i];
                } else {
                    train[a++] = rows[i];
                }
            }
        }
        return sorted(train, val, test);
    }

    /** Splits {@code total} among classes proportionally to {@code counts} (largest remainder). */
    static int[] apportion(int[] counts, int total, int n) {
        int k = counts.length;
        int[] out = new int[k];
        double[] remainder = new double[k];
        int given = 0;
        for (int c = 0; c < k; c++) {
            double exact = n == 0 ? 0 : (double) total * counts[c] / n;
            out[c] = Math.min(counts[c], (int) Math.floor(exact + 1e-9));
            remainder[c] = exact - out[c];
            given += out[c];
        }
        while (given < total) {
            int best = -1;
            for (int c = 0; c < k; c++) {
                if (out[c] >= counts[c]) {
                    continue;
                }
                if (best < 0 || remainder[c] > remainder[best] + 1e-12
                        || (Math.abs(remainder[c] - remainder[best]) <= 1e-12 && counts[c] > counts[best])) {
                    best = c;
                }
            }
            out[best]++;
            remainder[best] -= 1;
            given++;
        }
        return out;
    }

    private static Partition sorted(int[] train, int[] val, int[] test) {
        Arrays.sort(train);
        Arrays.sort(val);
        Arrays.sort(test);
        return new Partition(train, val, test);
    }
}

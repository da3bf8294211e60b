package dev.kiln.core.data.split;

import dev.kiln.core.tensor.Rng;
import java.util.ArrayList;
import java.util.List;

/**
 * K-fold cross-validation, as scikit-learn's {@code KFold}: rows (shuffled first when a seed is
 * given) are cut into {@code k} consecutive blocks; the first {@code n % k} blocks hold one row
 * more. Without shuffling the folds are exactly scikit-learn's.
 */
public final class KFold {
    private final int k;
    private final Long seed;

    private KFold(int k, Long seed) {
        if (k < 2) {
            throw new IllegalArgumentException("KFold: k must be at least 2, got " + k);
        }
        this.k = k;
        this.seed = seed;
    }

    /** Folds over rows in their order (no shuffling). */
    public static KFold of(int k) {
        return new KFold(k, null);
    }

    /** Folds over rows shuffled by {@code new Rng(seed)}. */
    public static KFold shuffled(int k, long seed) {
        return new KFold(k, seed);
    }

    public int k() {
        return k;
    }

    /** The fold (0..k-1) whose test set holds each row. */
    public int[] assign(int n) {
        if (n < k) {
            throw new IllegalArgumentException("KFold: cannot make " + k + " folds of " + n + " rows");
        }
        int[] order = seed == null ? identity(n) : new Rng(seed).permutation(n);
        int[] foldOf = new int[n];
        int pos = 0;
        for (int f = 0; f < k; f++) {
            int size = n / k + (f < n % k ? 1 : 0);
            for (int i = 0; i < size; i++) {
                foldOf[order[pos++]] = f;
            }
        }
        return foldOf;
    }

    /** The {@code k} folds over {@code n} rows. */
    public List<Fold> split(int n) {
        int[] foldOf = assign(n);
        List<Fold> folds = new ArrayList<>(k);
        for (int f = 0; f < k; f++) {
            folds.add(Labels.fold(foldOf, f));
        }
        return folds;
    }

    private static int[] identity(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        return a;
    }
}

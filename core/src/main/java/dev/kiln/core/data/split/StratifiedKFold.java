package dev.kiln.core.data.split;

import dev.kiln.core.tensor.Rng;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stratified k-fold cross-validation: each fold's test set keeps the class proportions of the
 * whole set. Folds are assigned with scikit-learn's {@code StratifiedKFold} algorithm (0.22+):
 *
 * <ol>
 *   <li>classes are numbered in the order they first appear;</li>
 *   <li>the labels, sorted by that number, are dealt round robin to folds 0, 1, ..., k-1, 0, ...
 *       — this fixes how many rows of each class every fold's test set gets (fold sizes differ by
 *       at most one per class, and the earlier folds get the extras);</li>
 *   <li>within each class, rows in their original order receive the fold numbers in blocks
 *       (0,0,..,1,1,..), which keeps data order where no shuffle is asked for; with a seed,
 *       each class's block of fold numbers is shuffled (one {@link Rng} stream, classes in order).</li>
 * </ol>
 *
 * Without shuffling the folds are exactly scikit-learn's, so a peer script can use the very same
 * folds; with a seed they follow the same allocation but a different (Kiln-seeded) shuffle.
 * As in scikit-learn, a class with fewer than {@code k} rows is a warning (some test folds lack it),
 * and an error only when every class is that small.
 */
public final class StratifiedKFold {
    private static final Logger LOG = LoggerFactory.getLogger(StratifiedKFold.class);
    private final int k;
    private final Long seed;

    private StratifiedKFold(int k, Long seed) {
        if (k < 2) {
            throw new IllegalArgumentException("StratifiedKFold: k must be at least 2, got " + k);
        }
        this.k = k;
        this.seed = seed;
    }

    public static StratifiedKFold of(int k) {
        return new StratifiedKFold(k, null);
    }

    public static StratifiedKFold shuffled(int k, long seed) {
        return new StratifiedKFold(k, seed);
    }

    public int k() {
        return k;
    }

    /** The fold (0..k-1) whose test set holds each row. */
    public int[] assign(int[] labels) {
        int[] y = Labels.encodeByFirstAppearance(labels);
        int[] counts = Labels.counts(y);
        if (y.length < k) {
            throw new IllegalArgumentException("StratifiedKFold: cannot make " + k + " folds of " + y.length + " rows");
        }
        int smallest = Arrays.stream(counts).min().orElse(0);
        if (Arrays.stream(counts).max().orElse(0) < k) {
            throw new IllegalArgumentException("StratifiedKFold: every class has fewer rows than k=" + k
                    + " (the largest has " + Arrays.stream(counts).max().orElse(0) + ")");
        }
        if (smallest < k) {
            int c = indexOf(counts, smallest);
            LOG.warn("StratifiedKFold: the class first seen at row {} has only {} rows, fewer than k={}; "
                    + "some test folds will lack it", firstRow(y, c), smallest, k);
        }
        // allocation[f][c] = rows of class c in fold f's test set: deal the sorted labels round robin
        int[] sorted = y.clone();
        Arrays.sort(sorted);
        int[][] allocation = new int[k][counts.length];
        for (int i = 0; i < sorted.length; i++) {
            allocation[i % k][sorted[i]]++;
        }
        Rng rng = seed == null ? null : new Rng(seed);
        int[] foldOf = new int[y.length];
        for (int c = 0; c < counts.length; c++) {
            int[] folds = new int[counts[c]];
            int pos = 0;
            for (int f = 0; f < k; f++) {
                for (int i = 0; i < allocation[f][c]; i++) {
                    folds[pos++] = f;
                }
            }
            if (rng != null) {
                Labels.shuffle(folds, rng);
            }
            pos = 0;
            for (int i = 0; i < y.length; i++) {
                if (y[i] == c) {
                    foldOf[i] = folds[pos++];
                }
            }
        }
        return foldOf;
    }

    /** The {@code k} folds for these labels. */
    public List<Fold> split(int[] labels) {
        int[] foldOf = assign(labels);
        List<Fold> folds = new ArrayList<>(k);
        for (int f = 0; f < k; f++) {
            folds.add(Labels.fold(foldOf, f));
        }
        return folds;
    }

    private static int indexOf(int[] a, int v) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] == v) {
                return i;
            }
        }
        return -1;
    }

    private static int firstRow(int[] y, int c) {
        for (int i = 0; i < y.length; i++) {
            if (y[i] == c) {
                return i;
            }
        }
        return -1;
    }
}

package dev.kiln.core.data;

import dev.kiln.core.tensor.Rng;
import java.util.Arrays;

/**
 * Indexed samples of fixed shape with their targets. A dataset gathers any set of rows into a
 * {@link Batch} of tensors on the current backend; {@link DataLoader} decides which rows and in
 * what order.
 */
public interface Dataset {
    int size();

    /** Shape of one sample's features, e.g. {@code [1, 28, 28]} or {@code [784]}. */
    int[] featureShape();

    /** Shape of one sample's target: {@code []} for a class label. */
    int[] targetShape();

    /** Gathers the rows {@code indices} (in that order) into a batch. */
    Batch batch(int[] indices);

    /** Rows {@code from..to-1} as one batch. */
    default Batch batch(int from, int to) {
        checkRange(this, from, to);
        int[] idx = new int[to - from];
        Arrays.setAll(idx, i -> from + i);
        return batch(idx);
    }

    /** A view of the rows {@code indices}, in that order. */
    default Dataset subset(int[] indices) {
        return new SubsetDataset(this, indices);
    }

    /**
     * A seeded random split into training and validation parts (like scikit-learn's
     * {@code train_test_split}); the validation part holds {@code round(size * fraction)} rows.
     */
    default Split split(double validationFraction, Rng rng) {
        if (!(validationFraction > 0 && validationFraction < 1)) {
            throw new IllegalArgumentException("validation fraction must be in (0, 1), got " + validationFraction);
        }
        int n = size();
        int nVal = (int) Math.round(n * validationFraction);
        if (nVal == 0 || nVal == n) {
            throw new IllegalArgumentException("validation fraction " + validationFraction + " of " + n
                    + " rows leaves one side empty");
        }
        int[] perm = rng.permutation(n);
        return new Split(subset(Arrays.copyOfRange(perm, nVal, n)), subset(Arrays.copyOfRange(perm, 0, nVal)));
    }

    /** The two parts of {@link #split}. */
    record Split(Dataset train, Dataset validation) {
    }

    static void checkRange(Dataset d, int from, int to) {
        if (from < 0 || to > d.size() || from > to) {
            throw new IndexOutOfBoundsException("rows " + from + ".." + to + " outside a dataset of " + d.size());
        }
    }

    static void checkIndex(Dataset d, int index) {
        if (index < 0 || index >= d.size()) {
            throw new IndexOutOfBoundsException("row " + index + " outside a dataset of " + d.size() + " rows");
        }
    }
}

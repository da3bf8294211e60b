package dev.kiln.core.ml;

/** Rows of features with integer class labels {@code 0..k-1}: the input of classic classifier trainers. */
public record ClassificationSet(double[][] features, int[] labels) implements RowSubsets<ClassificationSet> {
    public ClassificationSet {
        if (features.length != labels.length) {
            throw new IllegalArgumentException("ClassificationSet: " + features.length + " rows of features but "
                    + labels.length + " labels");
        }
    }

    /** The feature rows as the one feature-matrix type (no copy). */
    public Features inputs() {
        return Features.of(features);
    }

    @Override
    public ClassificationSet rows(int[] indices) {
        return dev.kiln.core.data.split.Subsets.rows(this, indices);
    }

    @Override
    public int size() {
        return labels.length;
    }
}

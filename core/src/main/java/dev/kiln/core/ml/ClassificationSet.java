package dev.kiln.core.ml;

/** Rows of features with integer class labels {@code 0..k-1}: the input of classic classifier trainers. */
public record ClassificationSet(double[][] features, int[] labels) {
    public ClassificationSet {
        if (features.length != labels.length) {
            throw new IllegalArgumentException("ClassificationSet: " + features.length + " rows of features but "
                    + labels.length + " labels");
        }
    }

    public int size() {
        return labels.length;
    }
}

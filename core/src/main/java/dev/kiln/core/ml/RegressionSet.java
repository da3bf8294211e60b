package dev.kiln.core.ml;

/** Rows of features with real-valued targets: the input of classic regressor trainers. */
public record RegressionSet(double[][] features, double[] targets) implements RowSubsets<RegressionSet> {
    public RegressionSet {
        if (features.length != targets.length) {
            throw new IllegalArgumentException("RegressionSet: " + features.length + " rows of features but "
                    + targets.length + " targets");
        }
    }

    /** The feature rows as the one feature-matrix type (no copy). */
    public Features inputs() {
        return Features.of(features);
    }

    @Override
    public RegressionSet rows(int[] indices) {
        return dev.kiln.core.data.split.Subsets.rows(this, indices);
    }

    @Override
    public int size() {
        return targets.length;
    }
}

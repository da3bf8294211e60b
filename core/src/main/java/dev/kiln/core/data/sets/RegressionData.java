package dev.kiln.core.data.sets;

import dev.kiln.core.data.tabular.DataFrame;
import dev.kiln.core.ml.RegressionSet;

/** A regression dataset: numeric feature columns and real-valued targets. */
public record RegressionData(String name, DataFrame features, double[] targets) {
    public RegressionData {
        if (features.rowCount() != targets.length) {
            throw new IllegalArgumentException(name + ": " + features.rowCount() + " rows but " + targets.length
                    + " targets");
        }
    }

    public int size() {
        return targets.length;
    }

    public RegressionSet toRegressionSet() {
        return new RegressionSet(features.toFeatures(), targets.clone());
    }
}

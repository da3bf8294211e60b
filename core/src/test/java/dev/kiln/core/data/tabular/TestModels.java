package dev.kiln.core.data.tabular;

import dev.kiln.core.ml.ClassificationSet;
import dev.kiln.core.ml.Classifier;
import dev.kiln.core.train.Trainer;

/** Test-only access to the small real models the data tests train. */
public final class TestModels {
    private TestModels() {
    }

    public static Trainer<ClassificationSet, ? extends Classifier> nearestCentroid() {
        return new NearestCentroid();
    }
}

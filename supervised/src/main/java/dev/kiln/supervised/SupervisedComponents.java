package dev.kiln.supervised;

import dev.kiln.core.component.Component;
import dev.kiln.core.component.ComponentProvider;
import dev.kiln.core.ml.Learners;
import dev.kiln.supervised.classic.KNeighborsClassifier;
import dev.kiln.supervised.classic.KNeighborsRegressor;
import java.util.List;

/**
 * This module's registered components (found through {@code META-INF/services}). Learners join
 * as they get their hyper-parameter record; issue 16 tracks the rest.
 */
public final class SupervisedComponents implements ComponentProvider {
    @Override
    public List<Component<?, ?>> components() {
        return List.of(
                Component.of(Learners.CLASSIFIER, "knn-classifier", KNeighborsClassifier.Config.DEFAULTS,
                        KNeighborsClassifier::new, "k-nearest-neighbours classifier (class shares among the k nearest rows)"),
                Component.of(Learners.REGRESSOR, "knn-regressor", KNeighborsRegressor.Config.DEFAULTS,
                        KNeighborsRegressor::new, "k-nearest-neighbours regressor (mean target of the k nearest rows)"));
    }
}

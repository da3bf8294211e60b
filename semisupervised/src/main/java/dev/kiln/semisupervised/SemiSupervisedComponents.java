package dev.kiln.semisupervised;

import dev.kiln.core.component.Component;
import dev.kiln.core.component.ComponentProvider;
import dev.kiln.core.component.Kind;
import dev.kiln.core.train.Trainer;
import java.util.List;

/**
 * This module's registered components (found through {@code META-INF/services}). They take a
 * {@link SemiSupervisedSet}, not a {@code ClassificationSet}, so they have their own kind rather
 * than {@code Learners.CLASSIFIER}: a config that asks for a classifier never gets a learner that
 * cannot read its data.
 */
public final class SemiSupervisedComponents implements ComponentProvider {
    /** Learners that fit a {@link dev.kiln.core.ml.Classifier} on a {@link SemiSupervisedSet} (raw type: a class literal has no type arguments). */
    @SuppressWarnings("rawtypes")
    public static final Kind<Trainer> CLASSIFIER = Kind.of("semi-supervised-classifier", Trainer.class);

    @Override
    public List<Component<?, ?>> components() {
        return List.of(
                Component.of(CLASSIFIER, "self-training", SelfTrainingClassifier.Config.DEFAULTS, SelfTrainingClassifier::new,
                        "self-training around a registered classifier learner (base + baseParams), threshold or k-best"),
                Component.of(CLASSIFIER, "label-spreading", LabelSpreading.Config.DEFAULTS, LabelSpreading::new,
                        "label spreading on an RBF (dense) or kNN (sparse) graph, soft clamping by alpha"),
                Component.of(CLASSIFIER, "label-propagation", LabelPropagation.Config.DEFAULTS, LabelPropagation::new,
                        "label propagation on an RBF (dense) or kNN (sparse) graph, labels clamped"));
    }
}

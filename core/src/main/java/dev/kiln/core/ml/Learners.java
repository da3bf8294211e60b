package dev.kiln.core.ml;

import dev.kiln.core.component.Kind;
import dev.kiln.core.train.Trainer;

/**
 * The component kinds of learners, so a config or a model file can name one ({@code "knn-classifier"})
 * and get a trainer: {@code Components.discover().create(Learners.CLASSIFIER, "knn-classifier", Map.of("k", 3))}.
 * The product is a raw {@link Trainer} because a class literal cannot carry its type arguments;
 * a classifier learner's trainer takes a {@link ClassificationSet} and fits a {@link Classifier}.
 */
@SuppressWarnings("rawtypes")
public final class Learners {
    /** Learners that fit a {@link Classifier} on a {@link ClassificationSet}. */
    public static final Kind<Trainer> CLASSIFIER = Kind.of("classifier", Trainer.class);

    /** Learners that fit a {@link Regressor} on a {@link RegressionSet}. */
    public static final Kind<Trainer> REGRESSOR = Kind.of("regressor", Trainer.class);

    /**
     * Learners that fit a {@link Clusterer} without labels. Their trainers take the unsupervised
     * module's {@code Points}; {@code Points.of(Features)} converts a feature matrix.
     */
    public static final Kind<Trainer> CLUSTERER = Kind.of("clusterer", Trainer.class);

    /** Learners that fit a {@link FeatureTransform} without labels (PCA), on the same input as {@link #CLUSTERER}. */
    public static final Kind<Trainer> TRANSFORM = Kind.of("transform", Trainer.class);

    private Learners() {
    }
}

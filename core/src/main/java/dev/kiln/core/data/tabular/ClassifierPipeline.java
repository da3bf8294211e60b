package dev.kiln.core.data.tabular;

import dev.kiln.core.ml.ClassificationSet;
import dev.kiln.core.ml.Classifier;
import dev.kiln.core.train.Trainer;
import dev.kiln.core.train.TrainingListener;

/**
 * Transformers followed by a classifier trainer; fitting it fits the transformers on the training
 * data, transforms that data and trains the model on the result. Made by
 * {@link Pipeline#classifier(Trainer)}.
 */
public final class ClassifierPipeline implements Trainer<ClassificationSet, PipelineClassifier> {
    private final Pipeline steps;
    private final Trainer<ClassificationSet, ? extends Classifier> trainer;

    ClassifierPipeline(Pipeline steps, Trainer<ClassificationSet, ? extends Classifier> trainer) {
        this.steps = steps;
        this.trainer = trainer;
    }

    /** Fits on numeric rows; the columns are named {@code x0, x1, ...} for the transformers. */
    @Override
    public PipelineClassifier fit(ClassificationSet data, TrainingListener listener) {
        return fit(Preprocessing.frame(data.features()), data.labels(), null, listener);
    }

    /**
     * Fits on a frame: {@code labelColumn} holds the classes (numeric class indices used as they
     * are, or strings mapped by a {@link LabelEncoder}); every other column is an input.
     */
    public PipelineClassifier fit(DataFrame frame, String labelColumn) {
        return fit(frame, labelColumn, TrainingListener.NONE);
    }

    public PipelineClassifier fit(DataFrame frame, String labelColumn, TrainingListener listener) {
        Column labels = frame.column(labelColumn);
        DataFrame inputs = frame.drop(labelColumn);
        if (labels instanceof NumericColumn) {
            return fit(inputs, frame.labels(labelColumn), null, listener);
        }
        LabelEncoder encoder = new LabelEncoder().fit(labels);
        return fit(inputs, encoder.encode(labels), encoder, listener);
    }

    private PipelineClassifier fit(DataFrame inputs, int[] labels, LabelEncoder encoder, TrainingListener listener) {
        Preprocessing pre = Preprocessing.fit(steps, inputs);
        Classifier model = trainer.fit(new ClassificationSet(pre.transform(inputs).rows(), labels), listener);
        return new PipelineClassifier(pre, model, encoder);
    }
}

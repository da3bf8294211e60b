package dev.kiln.core.data.tabular;

import dev.kiln.core.ml.Classifier;
import dev.kiln.core.ml.Features;
import java.util.List;

/**
 * A fitted {@link ClassifierPipeline}: raw rows in, predictions out. The fitted transformers
 * (with the training data's statistics) run before the model on every call.
 */
public final class PipelineClassifier implements Classifier {
    private final Preprocessing preprocessing;
    private final Classifier model;
    private final LabelEncoder labels;

    PipelineClassifier(Preprocessing preprocessing, Classifier model, LabelEncoder labels) {
        this.preprocessing = preprocessing;
        this.model = model;
        this.labels = labels;
    }

    /** Predicts raw numeric rows (columns in training order). */
    @Override
    public int[] predict(Features features) {
        return model.predict(preprocessing.transform(features));
    }

    @Override
    public double[][] predictProba(Features features) {
        return model.predictProba(preprocessing.transform(features));
    }

    /** Predicts the rows of a frame holding (at least) the training input columns. */
    public int[] predict(DataFrame frame) {
        return model.predict(preprocessing.transform(frame));
    }

    public double[][] predictProba(DataFrame frame) {
        return model.predictProba(preprocessing.transform(frame));
    }

    /** Predicted class names, where the pipeline was fitted on string labels (else the class indices as text). */
    public String[] predictLabels(DataFrame frame) {
        int[] p = predict(frame);
        if (labels != null) {
            return labels.decode(p);
        }
        String[] out = new String[p.length];
        for (int i = 0; i < p.length; i++) {
            out[i] = Integer.toString(p[i]);
        }
        return out;
    }

    @Override
    public int numClasses() {
        return model.numClasses();
    }

    /** Class names from the label encoder, or an empty list when the labels were class indices. */
    public List<String> classNames() {
        return labels == null ? List.of() : labels.classes();
    }

    public Classifier model() {
        return model;
    }

    public Preprocessing preprocessing() {
        return preprocessing;
    }
}

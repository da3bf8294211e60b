package dev.kiln.core.data.tabular;

import dev.kiln.core.ml.Classifier;
import java.util.List;

/**
 * A fitted {@link ClassifierPipeline}: raw rows in, predictions out. The fitted transformers
 * (with the training data's statistics) run before the model on every call.
 */
public final class PipelineClassifier implements Classifier {
    private final Pipeline transformers;
    private final Classifier model;
    private final List<String> inputNames;
    private final List<String> categoricalInputs;
    private final LabelEncoder labels;

    PipelineClassifier(Pipeline transformers, Classifier model, List<String> inputNames,
            List<String> categoricalInputs, LabelEncoder labels) {
        this.transformers = transformers;
        this.model = model;
        this.inputNames = List.copyOf(inputNames);
        this.categoricalInputs = List.copyOf(categoricalInputs);
        this.labels = labels;
    }

    /** Predicts raw numeric rows (columns in training order). */
    @Override
    public int[] predict(double[][] features) {
        return model.predict(prepare(features));
    }

    @Override
    public double[][] predictProba(double[][] features) {
        return model.predictProba(prepare(features));
    }

    /** Predicts the rows of a frame holding (at least) the training input columns. */
    public int[] predict(DataFrame frame) {
        return model.predict(prepare(frame));
    }

    public double[][] predictProba(DataFrame frame) {
        return model.predictProba(prepare(frame));
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

    public Pipeline transformers() {
        return transformers;
    }

    public List<String> inputNames() {
        return inputNames;
    }

    private double[][] prepare(double[][] rows) {
        return Pipeline.features(transformers.transform(Pipeline.frame(rows, inputNames, categoricalInputs)));
    }

    private double[][] prepare(DataFrame frame) {
        return Pipeline.features(transformers.transform(frame.select(inputNames)));
    }
}

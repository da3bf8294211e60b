package dev.kiln.core.data.tabular;

import dev.kiln.core.ml.FeatureTransform;
import dev.kiln.core.ml.Features;
import java.util.List;

/**
 * The fitted front of a pipeline: the transformers fitted on the training inputs, and the input
 * columns they expect. It turns raw rows (or a frame) into the numbers the model was trained on,
 * with the training data's statistics. Both fitted pipelines ({@link PipelineClassifier},
 * {@link PipelineRegressor}) and both pipeline trainers go through this one class.
 */
public final class Preprocessing implements FeatureTransform {
    private final Pipeline transformers;
    private final List<String> inputNames;
    private final List<String> categoricalInputs;

    private Preprocessing(Pipeline transformers, List<String> inputNames, List<String> categoricalInputs) {
        this.transformers = transformers;
        this.inputNames = List.copyOf(inputNames);
        this.categoricalInputs = List.copyOf(categoricalInputs);
    }

    /** Fits {@code steps} on {@code inputs} (training rows only). */
    static Preprocessing fit(Pipeline steps, DataFrame inputs) {
        return new Preprocessing(steps.fit(inputs), inputs.names(), inputs.names(ColumnType.CATEGORICAL));
    }

    /** The training frame a learner sees for numeric rows: columns {@code x0, x1, ...}. */
    static DataFrame frame(double[][] rows) {
        int d = rows.length == 0 ? 0 : rows[0].length;
        return Pipeline.frame(rows, DataFrame.defaultNames(d), List.of());
    }

    /** Raw numeric rows (columns in training order) to model features. */
    @Override
    public Features transform(Features raw) {
        return Features.of(Pipeline.features(transformers.transform(
                Pipeline.frame(raw.rows(), inputNames, categoricalInputs))));
    }

    /** The rows of a frame holding (at least) the training input columns, to model features. */
    public Features transform(DataFrame frame) {
        return Features.of(Pipeline.features(transformers.transform(frame.select(inputNames))));
    }

    public Pipeline transformers() {
        return transformers;
    }

    public List<String> inputNames() {
        return inputNames;
    }
}

package dev.kiln.core.data.tabular;

import dev.kiln.core.ml.Regressor;
import java.util.List;

/** A fitted {@link RegressorPipeline}: raw rows in, predictions out. */
public final class PipelineRegressor implements Regressor {
    private final Pipeline transformers;
    private final Regressor model;
    private final List<String> inputNames;
    private final List<String> categoricalInputs;

    PipelineRegressor(Pipeline transformers, Regressor model, List<String> inputNames,
            List<String> categoricalInputs) {
        this.transformers = transformers;
        this.model = model;
        this.inputNames = List.copyOf(inputNames);
        this.categoricalInputs = List.copyOf(categoricalInputs);
    }

    @Override
    public double[] predict(double[][] features) {
        return model.predict(Pipeline.features(transformers.transform(
                Pipeline.frame(features, inputNames, categoricalInputs))));
    }

    /** Predicts the rows of a frame holding (at least) the training input columns. */
    public double[] predict(DataFrame frame) {
        return model.predict(Pipeline.features(transformers.transform(frame.select(inputNames))));
    }

    public Regressor model() {
        return model;
    }

    public Pipeline transformers() {
        return transformers;
    }

    public List<String> inputNames() {
        return inputNames;
    }
}

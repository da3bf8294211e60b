package dev.kiln.core.data.tabular;

import dev.kiln.core.ml.Features;
import dev.kiln.core.ml.Regressor;

/** A fitted {@link RegressorPipeline}: raw rows in, predictions out. */
public final class PipelineRegressor implements Regressor {
    private final Preprocessing preprocessing;
    private final Regressor model;

    PipelineRegressor(Preprocessing preprocessing, Regressor model) {
        this.preprocessing = preprocessing;
        this.model = model;
    }

    @Override
    public double[] predict(Features features) {
        return model.predict(preprocessing.transform(features));
    }

    /** Predicts the rows of a frame holding (at least) the training input columns. */
    public double[] predict(DataFrame frame) {
        return model.predict(preprocessing.transform(frame));
    }

    public Regressor model() {
        return model;
    }

    public Preprocessing preprocessing() {
        return preprocessing;
    }
}

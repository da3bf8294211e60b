package dev.kiln.core.data.tabular;

import dev.kiln.core.ml.RegressionSet;
import dev.kiln.core.ml.Regressor;
import dev.kiln.core.train.Trainer;
import dev.kiln.core.train.TrainingListener;

/** Transformers followed by a regressor trainer. Made by {@link Pipeline#regressor(Trainer)}. */
public final class RegressorPipeline implements Trainer<RegressionSet, PipelineRegressor> {
    private final Pipeline steps;
    private final Trainer<RegressionSet, ? extends Regressor> trainer;

    RegressorPipeline(Pipeline steps, Trainer<RegressionSet, ? extends Regressor> trainer) {
        this.steps = steps;
        this.trainer = trainer;
    }

    /** Fits on numeric rows; the columns are named {@code x0, x1, ...} for the transformers. */
    @Override
    public PipelineRegressor fit(RegressionSet data, TrainingListener listener) {
        return fit(Preprocessing.frame(data.features()), data.targets(), listener);
    }

    /** Fits on a frame: {@code targetColumn} (numeric, complete) is the target, every other column an input. */
    public PipelineRegressor fit(DataFrame frame, String targetColumn) {
        return fit(frame, targetColumn, TrainingListener.NONE);
    }

    public PipelineRegressor fit(DataFrame frame, String targetColumn, TrainingListener listener) {
        NumericColumn target = frame.numeric(targetColumn);
        for (int i = 0; i < target.size(); i++) {
            if (target.isMissing(i)) {
                throw new IllegalArgumentException("RegressorPipeline: target '" + targetColumn
                        + "' is missing at row " + i + "; drop such rows first (RowCleaner)");
            }
        }
        return fit(frame.drop(targetColumn), target.values(), listener);
    }

    private PipelineRegressor fit(DataFrame inputs, double[] targets, TrainingListener listener) {
        Preprocessing pre = Preprocessing.fit(steps, inputs);
        Regressor model = trainer.fit(new RegressionSet(pre.transform(inputs).rows(), targets), listener);
        return new PipelineRegressor(pre, model);
    }
}

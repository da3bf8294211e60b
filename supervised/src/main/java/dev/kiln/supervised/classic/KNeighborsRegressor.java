package dev.kiln.supervised.classic;

import dev.kiln.core.ml.RegressionSet;
import dev.kiln.core.train.Trainer;
import dev.kiln.core.train.TrainingListener;

/** k-nearest-neighbours regressor: the (optionally distance-weighted) mean target of the k nearest rows. */
public final class KNeighborsRegressor implements Trainer<RegressionSet, KNeighborsRegressionModel> {
    private final int k;
    private final KNeighbors.Weights weights;

    public KNeighborsRegressor(int k, KNeighbors.Weights weights) {
        Rows.atLeast(k, 1, "k");
        this.k = k;
        this.weights = weights;
    }

    public KNeighborsRegressor() {
        this(5, KNeighbors.Weights.UNIFORM);
    }

    @Override
    public KNeighborsRegressionModel fit(RegressionSet data, TrainingListener listener) {
        Rows.checkRegression(data, "KNeighborsRegressor");
        double[][] copy = new double[data.size()][];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = data.features()[i].clone();
        }
        return new KNeighborsRegressionModel(new KNeighbors(copy, k), data.targets().clone(), weights);
    }
}

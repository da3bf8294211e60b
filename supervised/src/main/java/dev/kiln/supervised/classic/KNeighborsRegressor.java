package dev.kiln.supervised.classic;

import dev.kiln.core.ml.Features;
import dev.kiln.core.ml.RegressionSet;
import dev.kiln.core.ml.Regressor;
import dev.kiln.core.train.Trainer;
import dev.kiln.core.train.TrainingListener;

/** k-nearest-neighbours regressor: the (optionally distance-weighted) mean target of the k nearest rows. */
public final class KNeighborsRegressor implements Trainer<RegressionSet, KNeighborsRegressor.Model> {
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
    public Model fit(RegressionSet data, TrainingListener listener) {
        Rows.checkRegression(data, "KNeighborsRegressor");
        double[][] copy = new double[data.size()][];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = data.features()[i].clone();
        }
        return new Model(new KNeighbors(copy, k), data.targets().clone(), weights);
    }

    /** The fitted k-NN regressor. */
    public static final class Model implements Regressor {
        private final KNeighbors search;
        private final double[] targets;
        private final KNeighbors.Weights weights;

        Model(KNeighbors search, double[] targets, KNeighbors.Weights weights) {
            this.search = search;
            this.targets = targets;
            this.weights = weights;
        }

        @Override
        public double[] predict(Features input) {
        double[][] features = input.rows();
            Rows.checkPredict(features, search.dimension(), "KNeighborsRegressor");
            double[] out = new double[features.length];
            for (int i = 0; i < features.length; i++) {
                KNeighbors.Found f = search.query(features[i]);
                double[] w = f.weights(weights);
                double s = 0;
                double total = 0;
                for (int m = 0; m < w.length; m++) {
                    s += w[m] * targets[f.index()[m]];
                    total += w[m];
                }
                out[i] = s / total;
            }
            return out;
        }
    }
}

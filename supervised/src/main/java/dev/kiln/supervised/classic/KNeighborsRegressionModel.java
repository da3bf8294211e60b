package dev.kiln.supervised.classic;

import dev.kiln.core.ml.Features;
import dev.kiln.core.ml.Regressor;

/** The fitted k-NN regressor. */
public final class KNeighborsRegressionModel implements Regressor {
    private final KNeighbors search;
    private final double[] targets;
    private final KNeighbors.Weights weights;

    KNeighborsRegressionModel(KNeighbors search, double[] targets, KNeighbors.Weights weights) {
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

    KNeighbors search() {
        return search;
    }

    double[] targets() {
        return targets;
    }

    KNeighbors.Weights weights() {
        return weights;
    }
}

package dev.kiln.supervised.classic;

import dev.kiln.core.component.Doc;
import dev.kiln.core.component.HyperParameters;
import dev.kiln.core.component.Range;
import dev.kiln.core.ml.RegressionSet;
import dev.kiln.core.train.Trainer;
import dev.kiln.core.train.TrainingListener;

/** k-nearest-neighbours regressor: the (optionally distance-weighted) mean target of the k nearest rows. */
public final class KNeighborsRegressor implements Trainer<RegressionSet, KNeighborsRegressionModel> {
    private final int k;
    private final KNeighbors.Weights weights;

    /** The hyper-parameters: neighbours consulted, and how their votes are weighted. */
    public record Config(@Doc("neighbours consulted per prediction") @Range(min = 1) int k,
                         @Doc("UNIFORM: equal votes; DISTANCE: votes weighted by 1 / distance") KNeighbors.Weights weights) {
        public Config {
            HyperParameters.check(Config.class, k, weights);
        }

        /** scikit-learn's defaults: k = 5, uniform weights. */
        public static final Config DEFAULTS = new Config(5, KNeighbors.Weights.UNIFORM);

        public Config withK(int newK) {
            return new Config(newK, weights);
        }

        public Config withWeights(KNeighbors.Weights w) {
            return new Config(k, w);
        }
    }

    public KNeighborsRegressor(Config config) {
        this.k = config.k();
        this.weights = config.weights();
    }

    /** The hyper-parameters this learner was made with. */
    public Config config() {
        return new Config(k, weights);
    }

    public KNeighborsRegressor(int k, KNeighbors.Weights weights) {
        this(new Config(k, weights));
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

package dev.kiln.supervised.classic;

import dev.kiln.core.component.Doc;
import dev.kiln.core.component.HyperParameters;
import dev.kiln.core.component.Range;
import dev.kiln.core.ml.ClassificationSet;
import dev.kiln.core.train.Trainer;
import dev.kiln.core.train.TrainingListener;

/**
 * k-nearest-neighbours classifier (Euclidean, brute force): probabilities are the (optionally
 * distance-weighted) class shares among the k nearest training rows; scikit-learn's default k = 5.
 * "Fitting" stores a copy of the training data.
 */
public final class KNeighborsClassifier implements Trainer<ClassificationSet, KNeighborsModel> {
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

    public KNeighborsClassifier(Config config) {
        this.k = config.k();
        this.weights = config.weights();
    }

    /** The hyper-parameters this learner was made with. */
    public Config config() {
        return new Config(k, weights);
    }

    public KNeighborsClassifier(int k, KNeighbors.Weights weights) {
        this(new Config(k, weights));
    }

    public KNeighborsClassifier(int k) {
        this(k, KNeighbors.Weights.UNIFORM);
    }

    public KNeighborsClassifier() {
        this(5);
    }

    @Override
    public KNeighborsModel fit(ClassificationSet data, TrainingListener listener) {
        int classes = Rows.checkClassification(data, "KNeighborsClassifier");
        double[][] copy = new double[data.size()][];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = data.features()[i].clone();
        }
        return new KNeighborsModel(new KNeighbors(copy, k), data.labels().clone(), classes, weights);
    }
}

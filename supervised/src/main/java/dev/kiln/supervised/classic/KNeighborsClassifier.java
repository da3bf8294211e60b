package dev.kiln.supervised.classic;

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

    public KNeighborsClassifier(int k, KNeighbors.Weights weights) {
        Rows.atLeast(k, 1, "k");
        this.k = k;
        this.weights = weights;
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

package dev.kiln.supervised.classic;

import dev.kiln.core.ml.Features;
import dev.kiln.core.ml.ClassificationSet;
import dev.kiln.core.ml.Classifier;
import dev.kiln.core.train.Trainer;
import dev.kiln.core.train.TrainingListener;

/**
 * k-nearest-neighbours classifier (Euclidean, brute force): probabilities are the (optionally
 * distance-weighted) class shares among the k nearest training rows; scikit-learn's default k = 5.
 * "Fitting" stores a copy of the training data.
 */
public final class KNeighborsClassifier implements Trainer<ClassificationSet, KNeighborsClassifier.Model> {
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
    public Model fit(ClassificationSet data, TrainingListener listener) {
        int classes = Rows.checkClassification(data, "KNeighborsClassifier");
        double[][] copy = new double[data.size()][];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = data.features()[i].clone();
        }
        return new Model(new KNeighbors(copy, k), data.labels().clone(), classes, weights);
    }

    /** The fitted k-NN classifier. */
    public static final class Model implements Classifier {
        private final KNeighbors search;
        private final int[] labels;
        private final int classes;
        private final KNeighbors.Weights weights;

        Model(KNeighbors search, int[] labels, int classes, KNeighbors.Weights weights) {
            this.search = search;
            this.labels = labels;
            this.classes = classes;
            this.weights = weights;
        }

        @Override
        public int numClasses() {
            return classes;
        }

        @Override
        public double[][] predictProba(Features input) {
        double[][] features = input.rows();
            Rows.checkPredict(features, search.dimension(), "KNeighborsClassifier");
            double[][] out = new double[features.length][classes];
            for (int i = 0; i < features.length; i++) {
                KNeighbors.Found f = search.query(features[i]);
                double[] w = f.weights(weights);
                double total = 0;
                for (int m = 0; m < w.length; m++) {
                    out[i][labels[f.index()[m]]] += w[m];
                    total += w[m];
                }
                for (int c = 0; c < classes; c++) {
                    out[i][c] /= total;
                }
            }
            return out;
        }

        /** The class with the largest share; ties go to the lower class index (as scikit-learn). */
        @Override
        public int[] predict(Features input) {
        double[][] features = input.rows();
            double[][] p = predictProba(features);
            int[] out = new int[p.length];
            for (int i = 0; i < p.length; i++) {
                out[i] = Rows.argmax(p[i]);
            }
            return out;
        }
    }
}

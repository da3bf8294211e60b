package dev.kiln.supervised.classic;

import dev.kiln.core.ml.Features;
import dev.kiln.core.ml.Classifier;

/** The fitted k-NN classifier. */
public final class KNeighborsModel implements Classifier {
    private final KNeighbors search;
    private final int[] labels;
    private final int classes;
    private final KNeighbors.Weights weights;

    KNeighborsModel(KNeighbors search, int[] labels, int classes, KNeighbors.Weights weights) {
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
        return Classifier.argmax(predictProba(input));
    }

    KNeighbors search() {
        return search;
    }

    int[] labels() {
        return labels;
    }

    KNeighbors.Weights weights() {
        return weights;
    }
}

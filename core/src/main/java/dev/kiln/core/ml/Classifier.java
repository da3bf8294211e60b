package dev.kiln.core.ml;

/**
 * A fitted classifier (trees, forests, SVMs, logistic regression, k-NN, a network, a pipeline).
 * Classes are {@code 0..numClasses()-1}; every row of {@link #predictProba} sums to 1, so any
 * classifier can feed a wrapper that needs confidences (soft voting, self-training).
 */
public interface Classifier {
    int[] predict(Features features);

    /** Class probabilities per row, shape {@code [rows][numClasses()]}. */
    double[][] predictProba(Features features);

    int numClasses();

    /** {@link #predict(Features)} of {@code Features.of(rows)}. */
    default int[] predict(double[][] rows) {
        return predict(Features.of(rows));
    }

    /** {@link #predictProba(Features)} of {@code Features.of(rows)}. */
    default double[][] predictProba(double[][] rows) {
        return predictProba(Features.of(rows));
    }

    /** The most probable class of each row; ties go to the lowest class index. */
    static int[] argmax(double[][] proba) {
        int[] out = new int[proba.length];
        for (int i = 0; i < proba.length; i++) {
            out[i] = argmax(proba[i]);
        }
        return out;
    }

    /** The index of the largest score; ties go to the lowest index (as scikit-learn). */
    static int argmax(double[] scores) {
        int best = 0;
        for (int k = 1; k < scores.length; k++) {
            if (scores[k] > scores[best]) {
                best = k;
            }
        }
        return best;
    }
}

package dev.kiln.core.ml;

/**
 * A fitted classifier on rows of numeric features (trees, forests, SVMs, logistic regression,
 * k-NN, pipelines). Classes are {@code 0..numClasses()-1}.
 */
public interface Classifier {
    int[] predict(double[][] features);

    /** Class probabilities per row, shape {@code [rows][numClasses()]}. */
    double[][] predictProba(double[][] features);

    int numClasses();
}

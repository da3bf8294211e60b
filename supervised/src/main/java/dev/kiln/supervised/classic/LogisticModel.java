package dev.kiln.supervised.classic;

import dev.kiln.core.ml.Features;
import dev.kiln.core.ml.Classifier;

/**
 * A fitted logistic regression: one weight vector (two classes, sigmoid) or one per class
 * (multinomial, softmax). {@link #decisionFunction} gives the raw linear scores.
 */
public final class LogisticModel implements Classifier {
    private final double[][] weights;
    private final double[] intercepts;
    private final int classes;

    LogisticModel(double[][] weights, double[] intercepts, int classes) {
        this.weights = weights;
        this.intercepts = intercepts;
        this.classes = classes;
    }

    /** Weights, shape {@code [1][d]} for two classes (the score of class 1) or {@code [k][d]}. */
    public double[][] coefficients() {
        double[][] c = new double[weights.length][];
        for (int i = 0; i < c.length; i++) {
            c[i] = weights[i].clone();
        }
        return c;
    }

    public double[] intercepts() {
        return intercepts.clone();
    }

    @Override
    public int numClasses() {
        return classes;
    }

    /** Linear scores, shape {@code [rows][1]} for two classes or {@code [rows][k]}. */
    public double[][] decisionFunction(double[][] features) {
        return Rows.linearScores(features, weights, intercepts, "LogisticModel");
    }

    @Override
    public double[][] predictProba(Features input) {
        double[][] features = input.rows();
        double[][] z = decisionFunction(features);
        double[][] p = new double[z.length][classes];
        for (int i = 0; i < z.length; i++) {
            if (weights.length == 1) {
                p[i][1] = LogisticObjective.sigmoid(z[i][0]);
                p[i][0] = 1 - p[i][1];
            } else {
                double max = z[i][0];
                for (double v : z[i]) {
                    max = Math.max(max, v);
                }
                double sum = 0;
                for (int c = 0; c < classes; c++) {
                    p[i][c] = Math.exp(z[i][c] - max);
                    sum += p[i][c];
                }
                for (int c = 0; c < classes; c++) {
                    p[i][c] /= sum;
                }
            }
        }
        return p;
    }

    @Override
    public int[] predict(Features input) {
        return Classifier.argmax(predictProba(input));
    }
}

package dev.kiln.supervised.classic;

import dev.kiln.core.ml.Features;
import dev.kiln.core.ml.Classifier;

/** A fitted linear SVM: one machine for two classes (positive means class 1), else one per class. */
public final class LinearSvmModel implements Classifier {
    private final double[][] weights;
    private final double[] intercepts;
    private final Platt[] platt;
    private final int classes;

    LinearSvmModel(double[][] weights, double[] intercepts, Platt[] platt, int classes) {
        this.weights = weights;
        this.intercepts = intercepts;
        this.platt = platt;
        this.classes = classes;
    }

    @Override
    public int numClasses() {
        return classes;
    }

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

    /** {@code w·x + b} per machine: shape {@code [rows][1]} for two classes, {@code [rows][k]} otherwise. */
    public double[][] decisionFunction(double[][] features) {
        return Rows.linearScores(features, weights, intercepts, "LinearSvmModel");
    }

    @Override
    public int[] predict(Features input) {
        double[][] features = input.rows();
        double[][] dec = decisionFunction(features);
        int[] out = new int[dec.length];
        for (int i = 0; i < dec.length; i++) {
            out[i] = classes == 2 ? (dec[i][0] > 0 ? 1 : 0) : Classifier.argmax(dec[i]);
        }
        return out;
    }

    @Override
    public double[][] predictProba(Features input) {
        double[][] features = input.rows();
        double[][] dec = decisionFunction(features);
        double[][] out = new double[dec.length][classes];
        for (int i = 0; i < dec.length; i++) {
            if (classes == 2) {
                out[i][1] = platt[0].probability(dec[i][0]);
                out[i][0] = 1 - out[i][1];
            } else {
                double sum = 0;
                for (int m = 0; m < classes; m++) {
                    out[i][m] = platt[m].probability(dec[i][m]);
                    sum += out[i][m];
                }
                for (int m = 0; m < classes; m++) {
                    out[i][m] /= sum;
                }
            }
        }
        return out;
    }

    Platt[] platt() {
        return platt;
    }
}

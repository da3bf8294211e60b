package dev.kiln.supervised.classic;

import dev.kiln.core.ml.Features;
import dev.kiln.core.ml.Classifier;

/**
 * A fitted one-vs-one kernel SVM. Kernel values against the support vectors are computed once per
 * row and shared by every pairwise machine.
 */
public final class SvmModel implements Classifier {
    /** The machine for classes {@code a < b}: positive decision values favour {@code a}. */
    record Pair(int a, int b, int[] sv, double[] coef, double rho, Platt platt) {
    }

    private final Kernel kernel;
    private final double[][] supportVectors;
    private final Pair[] pairs;
    private final int classes;

    SvmModel(Kernel kernel, double[][] supportVectors, Pair[] pairs, int classes) {
        this.kernel = kernel;
        this.supportVectors = supportVectors;
        this.pairs = pairs;
        this.classes = classes;
    }

    @Override
    public int numClasses() {
        return classes;
    }

    /** The kernel with its gamma resolved on the training data. */
    public Kernel kernel() {
        return kernel;
    }

    public int supportVectorCount() {
        return supportVectors.length;
    }

    /** Raw one-vs-one decision values, shape {@code [rows][k(k-1)/2]}, pairs in order (0,1), (0,2), …, (1,2), … */
    public double[][] pairwiseDecision(double[][] features) {
        if (supportVectors.length > 0) {
            Rows.checkPredict(features, supportVectors[0].length, "SvmModel");
        }
        double[][] out = new double[features.length][pairs.length];
        double[] kv = new double[supportVectors.length];
        for (int i = 0; i < features.length; i++) {
            for (int s = 0; s < supportVectors.length; s++) {
                kv[s] = kernel.compute(supportVectors[s], features[i]);
            }
            for (int p = 0; p < pairs.length; p++) {
                double f = -pairs[p].rho();
                int[] sv = pairs[p].sv();
                double[] coef = pairs[p].coef();
                for (int t = 0; t < sv.length; t++) {
                    f += coef[t] * kv[sv[t]];
                }
                out[i][p] = f;
            }
        }
        return out;
    }

    /**
     * Decision scores. Two classes: one column, positive for class 1 (scikit-learn's sign). More:
     * one column per class, its votes plus the summed pairwise confidences squashed into (-1/3, 1/3),
     * scikit-learn's "ovr" shape: the largest score is the predicted class.
     */
    public double[][] decisionFunction(double[][] features) {
        double[][] pw = pairwiseDecision(features);
        double[][] out = new double[pw.length][];
        for (int i = 0; i < pw.length; i++) {
            if (classes == 2) {
                out[i] = new double[] {-pw[i][0]};
                continue;
            }
            double[] votes = new double[classes];
            double[] conf = new double[classes];
            for (int p = 0; p < pairs.length; p++) {
                double f = pw[i][p];
                votes[f > 0 ? pairs[p].a() : pairs[p].b()]++;
                conf[pairs[p].a()] += f;
                conf[pairs[p].b()] -= f;
            }
            for (int cl = 0; cl < classes; cl++) {
                votes[cl] += conf[cl] / (3 * (Math.abs(conf[cl]) + 1));
            }
            out[i] = votes;
        }
        return out;
    }

    /** Majority vote over the pairwise machines (libsvm's rule; ties go to the lower class). */
    @Override
    public int[] predict(Features input) {
        double[][] features = input.rows();
        double[][] pw = pairwiseDecision(features);
        int[] out = new int[pw.length];
        for (int i = 0; i < pw.length; i++) {
            int[] votes = new int[classes];
            for (int p = 0; p < pairs.length; p++) {
                votes[pw[i][p] > 0 ? pairs[p].a() : pairs[p].b()]++;
            }
            int best = 0;
            for (int cl = 1; cl < classes; cl++) {
                if (votes[cl] > votes[best]) {
                    best = cl;
                }
            }
            out[i] = best;
        }
        return out;
    }

    /** Platt-scaled probabilities, coupled across pairs for more than two classes. */
    @Override
    public double[][] predictProba(Features input) {
        double[][] features = input.rows();
        double[][] pw = pairwiseDecision(features);
        double[][] out = new double[pw.length][];
        for (int i = 0; i < pw.length; i++) {
            double[][] r = new double[classes][classes];
            for (int p = 0; p < pairs.length; p++) {
                double pa = Math.min(Math.max(pairs[p].platt().probability(pw[i][p]), 1e-7), 1 - 1e-7);
                r[pairs[p].a()][pairs[p].b()] = pa;
                r[pairs[p].b()][pairs[p].a()] = 1 - pa;
            }
            out[i] = classes == 2 ? new double[] {r[0][1], r[1][0]} : Platt.couple(r);
        }
        return out;
    }

    double[][] supportVectors() {
        return supportVectors;
    }

    Pair[] pairs() {
        return pairs;
    }
}

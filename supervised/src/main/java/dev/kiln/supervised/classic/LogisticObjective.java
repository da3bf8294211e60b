package dev.kiln.supervised.classic;

/**
 * The mean logistic loss of a linear model and its gradient. With two classes it is the sigmoid
 * loss of one score (class 1 against class 0); with more it is the multinomial (softmax) loss of one
 * score per class. Parameters are laid out per score as {@code [w_0 .. w_{d-1}, bias]}. An optional
 * L2 term {@code (l2 / 2) ||W||²} leaves the biases unpenalised.
 */
final class LogisticObjective implements Lbfgs.Objective {
    private final double[][] x;
    private final int[] y;
    private final int scores;
    private final int d;
    private final double l2;
    private final double[] z;

    LogisticObjective(double[][] x, int[] y, int classes, double l2) {
        this.x = x;
        this.y = y;
        this.scores = classes == 2 ? 1 : classes;
        this.d = x[0].length;
        this.l2 = l2;
        this.z = new double[scores];
    }

    int size() {
        return scores * (d + 1);
    }

    int scores() {
        return scores;
    }

    @Override
    public double evaluate(double[] p, double[] grad) {
        java.util.Arrays.fill(grad, 0);
        int n = x.length;
        int stride = d + 1;
        double loss = 0;
        for (int i = 0; i < n; i++) {
            double[] xi = x[i];
            for (int c = 0; c < scores; c++) {
                double s = p[c * stride + d];
                for (int j = 0; j < d; j++) {
                    s += p[c * stride + j] * xi[j];
                }
                z[c] = s;
            }
            if (scores == 1) {
                double t = z[0];
                // log(1 + e^t) - y t, computed without overflow
                loss += (t > 0 ? t + Math.log1p(Math.exp(-t)) : Math.log1p(Math.exp(t))) - (y[i] == 1 ? t : 0);
                z[0] = sigmoid(t) - (y[i] == 1 ? 1 : 0);
            } else {
                double max = z[0];
                for (int c = 1; c < scores; c++) {
                    max = Math.max(max, z[c]);
                }
                double sum = 0;
                for (int c = 0; c < scores; c++) {
                    sum += Math.exp(z[c] - max);
                }
                double logSum = max + Math.log(sum);
                loss += logSum - z[y[i]];
                for (int c = 0; c < scores; c++) {
                    z[c] = Math.exp(z[c] - logSum) - (c == y[i] ? 1 : 0);
                }
            }
            for (int c = 0; c < scores; c++) {
                double gz = z[c];
                if (gz == 0) {
                    continue;
                }
                int base = c * stride;
                for (int j = 0; j < d; j++) {
                    grad[base + j] += gz * xi[j];
                }
                grad[base + d] += gz;
            }
        }
        loss /= n;
        for (int k = 0; k < grad.length; k++) {
            grad[k] /= n;
        }
        if (l2 > 0) {
            for (int c = 0; c < scores; c++) {
                for (int j = 0; j < d; j++) {
                    double w = p[c * stride + j];
                    loss += 0.5 * l2 * w * w;
                    grad[c * stride + j] += l2 * w;
                }
            }
        }
        return loss;
    }

    static double sigmoid(double t) {
        if (t >= 0) {
            return 1 / (1 + Math.exp(-t));
        }
        double e = Math.exp(t);
        return e / (1 + e);
    }
}

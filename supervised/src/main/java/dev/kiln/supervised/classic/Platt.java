package dev.kiln.supervised.classic;

/**
 * Platt scaling: {@code P(y=+1 | f) = 1 / (1 + exp(A f + B))}, fitted by the Newton method with
 * backtracking of Lin, Lin & Weng (2007) on regularised targets, and the pairwise coupling of Wu,
 * Lin & Weng (2004, method 2) that turns one-vs-one probabilities into class probabilities. Both
 * follow libsvm, so probabilities behave like scikit-learn's {@code SVC(probability=True)}.
 */
record Platt(double a, double b) {
    static Platt fit(double[] dec, boolean[] positive) {
        int prior1 = 0;
        for (boolean p : positive) {
            prior1 += p ? 1 : 0;
        }
        int prior0 = dec.length - prior1;
        double hi = (prior1 + 1.0) / (prior1 + 2.0);
        double lo = 1.0 / (prior0 + 2.0);
        double[] t = new double[dec.length];
        for (int i = 0; i < dec.length; i++) {
            t[i] = positive[i] ? hi : lo;
        }
        double a = 0;
        double b = Math.log((prior0 + 1.0) / (prior1 + 1.0));
        double fval = objective(dec, t, a, b);
        for (int iter = 0; iter < 100; iter++) {
            double h11 = 1e-12;
            double h22 = 1e-12;
            double h21 = 0;
            double g1 = 0;
            double g2 = 0;
            for (int i = 0; i < dec.length; i++) {
                double fApB = dec[i] * a + b;
                double p;
                double q;
                if (fApB >= 0) {
                    p = Math.exp(-fApB) / (1.0 + Math.exp(-fApB));
                    q = 1.0 / (1.0 + Math.exp(-fApB));
                } else {
                    p = 1.0 / (1.0 + Math.exp(fApB));
                    q = Math.exp(fApB) / (1.0 + Math.exp(fApB));
                }
                double d2 = p * q;
                h11 += dec[i] * dec[i] * d2;
                h22 += d2;
                h21 += dec[i] * d2;
                double d1 = t[i] - p;
                g1 += dec[i] * d1;
                g2 += d1;
            }
            if (Math.abs(g1) < 1e-5 && Math.abs(g2) < 1e-5) {
                break;
            }
            double det = h11 * h22 - h21 * h21;
            double dA = -(h22 * g1 - h21 * g2) / det;
            double dB = -(-h21 * g1 + h11 * g2) / det;
            double gd = g1 * dA + g2 * dB;
            double step = 1;
            while (step >= 1e-10) {
                double na = a + step * dA;
                double nb = b + step * dB;
                double nf = objective(dec, t, na, nb);
                if (nf < fval + 0.0001 * step * gd) {
                    a = na;
                    b = nb;
                    fval = nf;
                    break;
                }
                step /= 2;
            }
            if (step < 1e-10) {
                break; // line search failed: keep the best so far
            }
        }
        return new Platt(a, b);
    }

    private static double objective(double[] dec, double[] t, double a, double b) {
        double f = 0;
        for (int i = 0; i < dec.length; i++) {
            double fApB = dec[i] * a + b;
            f += fApB >= 0 ? t[i] * fApB + Math.log1p(Math.exp(-fApB))
                    : (t[i] - 1) * fApB + Math.log1p(Math.exp(fApB));
        }
        return f;
    }

    double probability(double dec) {
        double fApB = dec * a + b;
        return fApB >= 0 ? Math.exp(-fApB) / (1.0 + Math.exp(-fApB)) : 1.0 / (1 + Math.exp(fApB));
    }

    /** Class probabilities from {@code r[i][j] = P(i | i or j)} (Wu, Lin & Weng's method 2). */
    static double[] couple(double[][] r) {
        int k = r.length;
        double[] p = new double[k];
        double[][] q = new double[k][k];
        double[] qp = new double[k];
        for (int t = 0; t < k; t++) {
            p[t] = 1.0 / k;
            for (int j = 0; j < k; j++) {
                if (j != t) {
                    q[t][t] += r[j][t] * r[j][t];
                    q[t][j] = -r[j][t] * r[t][j];
                }
            }
        }
        double eps = 0.005 / k;
        for (int iter = 0; iter < Math.max(100, k); iter++) {
            double pqp = 0;
            for (int t = 0; t < k; t++) {
                qp[t] = 0;
                for (int j = 0; j < k; j++) {
                    qp[t] += q[t][j] * p[j];
                }
                pqp += p[t] * qp[t];
            }
            double maxError = 0;
            for (int t = 0; t < k; t++) {
                maxError = Math.max(maxError, Math.abs(qp[t] - pqp));
            }
            if (maxError < eps) {
                break;
            }
            for (int t = 0; t < k; t++) {
                double diff = (-qp[t] + pqp) / q[t][t];
                p[t] += diff;
                pqp = (pqp + diff * (diff * q[t][t] + 2 * qp[t])) / (1 + diff) / (1 + diff);
                for (int j = 0; j < k; j++) {
                    qp[j] = (qp[j] + diff * q[t][j]) / (1 + diff);
                    p[j] /= 1 + diff;
                }
            }
        }
        return p;
    }
}

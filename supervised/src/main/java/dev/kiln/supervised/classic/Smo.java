package dev.kiln.supervised.classic;

import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sequential minimal optimisation for the binary C-SVC dual
 * {@code min ½ aᵀQa - Σa  s.t. 0 ≤ a ≤ C, yᵀa = 0} with {@code Q_ij = y_i y_j K(x_i, x_j)}. Working
 * pairs are chosen with second-order information (Fan, Chen & Lin 2005, as in libsvm); it stops
 * when the maximal KKT violation is below {@code eps}. Kernel rows are cached (least recently used,
 * bounded by {@code cacheBytes}).
 */
final class Smo {
    private static final Logger LOG = LoggerFactory.getLogger(Smo.class);
    private static final double TAU = 1e-12;

    /** {@code coef[i] = y_i a_i} (zero for non-support vectors) and the offset: f(x) = Σ coef_i K(x_i, x) - rho. */
    record Solution(double[] coef, double rho, int iterations) {
    }

    private Smo() {
    }

    static Solution solve(double[][] x, int[] y, Kernel kernel, double c, double eps, long cacheBytes) {
        int l = x.length;
        double[] alpha = new double[l];
        double[] grad = new double[l];
        double[] qd = new double[l];
        for (int i = 0; i < l; i++) {
            grad[i] = -1;
            qd[i] = kernel.compute(x[i], x[i]);
        }
        RowCache cache = new RowCache(x, y, kernel, cacheBytes);
        long maxIter = Math.max(10_000_000L, 100L * l);
        long iter = 0;
        while (iter < maxIter) {
            int[] ws = selectWorkingSet(y, alpha, grad, qd, c, eps, cache);
            if (ws == null) {
                break;
            }
            iter++;
            int i = ws[0];
            int j = ws[1];
            double[] qi = cache.row(i);
            double[] qj = cache.row(j);
            double oldAi = alpha[i];
            double oldAj = alpha[j];
            if (y[i] != y[j]) {
                double quad = qd[i] + qd[j] + 2 * qi[j];
                double delta = (-grad[i] - grad[j]) / (quad > 0 ? quad : TAU);
                double diff = alpha[i] - alpha[j];
                alpha[i] += delta;
                alpha[j] += delta;
                if (diff > 0) {
                    if (alpha[j] < 0) {
                        alpha[j] = 0;
                        alpha[i] = diff;
                    }
                } else if (alpha[i] < 0) {
                    alpha[i] = 0;
                    alpha[j] = -diff;
                }
                if (diff > 0) {
                    if (alpha[i] > c) {
                        alpha[i] = c;
                        alpha[j] = c - diff;
                    }
                } else if (alpha[j] > c) {
                    alpha[j] = c;
                    alpha[i] = c + diff;
                }
            } else {
                double quad = qd[i] + qd[j] - 2 * qi[j];
                double delta = (grad[i] - grad[j]) / (quad > 0 ? quad : TAU);
                double sum = alpha[i] + alpha[j];
                alpha[i] -= delta;
                alpha[j] += delta;
                if (sum > c) {
                    if (alpha[i] > c) {
                        alpha[i] = c;
                        alpha[j] = sum - c;
                    }
                } else if (alpha[j] < 0) {
                    alpha[j] = 0;
                    alpha[i] = sum;
                }
                if (sum > c) {
                    if (alpha[j] > c) {
                        alpha[j] = c;
                        alpha[i] = sum - c;
                    }
                } else if (alpha[i] < 0) {
                    alpha[i] = 0;
                    alpha[j] = sum;
                }
            }
            double dai = alpha[i] - oldAi;
            double daj = alpha[j] - oldAj;
            for (int t = 0; t < l; t++) {
                grad[t] += qi[t] * dai + qj[t] * daj;
            }
        }
        if (iter >= maxIter) {
            LOG.warn("SMO reached {} iterations without meeting tolerance {}", maxIter, eps);
        }
        double[] coef = new double[l];
        for (int i = 0; i < l; i++) {
            coef[i] = y[i] * alpha[i];
        }
        return new Solution(coef, rho(y, alpha, grad, c), (int) Math.min(iter, Integer.MAX_VALUE));
    }

    private static boolean upper(double a, double c) {
        return a >= c;
    }

    private static boolean lower(double a) {
        return a <= 0;
    }

    /** libsvm's WSS 2: i maximises the violation, j the second-order decrease; null when optimal. */
    private static int[] selectWorkingSet(int[] y, double[] alpha, double[] grad, double[] qd, double c, double eps,
            RowCache cache) {
        int l = y.length;
        double gmax = Double.NEGATIVE_INFINITY;
        double gmax2 = Double.NEGATIVE_INFINITY;
        int iBest = -1;
        for (int t = 0; t < l; t++) {
            if (y[t] == 1) {
                if (!upper(alpha[t], c) && -grad[t] >= gmax) {
                    gmax = -grad[t];
                    iBest = t;
                }
            } else if (!lower(alpha[t]) && grad[t] >= gmax) {
                gmax = grad[t];
                iBest = t;
            }
        }
        if (iBest < 0) {
            return null;
        }
        double[] qi = cache.row(iBest);
        int jBest = -1;
        double objMin = Double.POSITIVE_INFINITY;
        for (int j = 0; j < l; j++) {
            if (y[j] == 1) {
                if (!lower(alpha[j])) {
                    double gradDiff = gmax + grad[j];
                    gmax2 = Math.max(gmax2, grad[j]);
                    if (gradDiff > 0) {
                        double quad = qd[iBest] + qd[j] - 2.0 * y[iBest] * qi[j];
                        double obj = -(gradDiff * gradDiff) / (quad > 0 ? quad : TAU);
                        if (obj <= objMin) {
                            jBest = j;
                            objMin = obj;
                        }
                    }
                }
            } else if (!upper(alpha[j], c)) {
                double gradDiff = gmax - grad[j];
                gmax2 = Math.max(gmax2, -grad[j]);
                if (gradDiff > 0) {
                    double quad = qd[iBest] + qd[j] + 2.0 * y[iBest] * qi[j];
                    double obj = -(gradDiff * gradDiff) / (quad > 0 ? quad : TAU);
                    if (obj <= objMin) {
                        jBest = j;
                        objMin = obj;
                    }
                }
            }
        }
        if (gmax + gmax2 < eps || jBest < 0) {
            return null;
        }
        return new int[] {iBest, jBest};
    }

    private static double rho(int[] y, double[] alpha, double[] grad, double c) {
        double ub = Double.POSITIVE_INFINITY;
        double lb = Double.NEGATIVE_INFINITY;
        double sumFree = 0;
        int free = 0;
        for (int i = 0; i < y.length; i++) {
            double yg = y[i] * grad[i];
            if (upper(alpha[i], c)) {
                if (y[i] == -1) {
                    ub = Math.min(ub, yg);
                } else {
                    lb = Math.max(lb, yg);
                }
            } else if (lower(alpha[i])) {
                if (y[i] == 1) {
                    ub = Math.min(ub, yg);
                } else {
                    lb = Math.max(lb, yg);
                }
            } else {
                free++;
                sumFree += yg;
            }
        }
        return free > 0 ? sumFree / free : (ub + lb) / 2;
    }

    /** Rows of the signed kernel matrix Q, computed on demand and kept while they fit the budget. */
    private static final class RowCache {
        private final double[][] x;
        private final int[] y;
        private final Kernel kernel;
        private final Map<Integer, double[]> rows;

        RowCache(double[][] x, int[] y, Kernel kernel, long cacheBytes) {
            this.x = x;
            this.y = y;
            this.kernel = kernel;
            long capacity = Math.max(2, cacheBytes / (8L * Math.max(1, x.length)));
            this.rows = new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Integer, double[]> eldest) {
                    return size() > capacity;
                }
            };
        }

        double[] row(int i) {
            double[] r = rows.get(i);
            if (r == null) {
                r = new double[x.length];
                for (int t = 0; t < x.length; t++) {
                    r[t] = y[i] * y[t] * kernel.compute(x[i], x[t]);
                }
                rows.put(i, r);
            }
            return r;
        }
    }
}

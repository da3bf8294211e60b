package dev.kiln.supervised.classic;

/**
 * FISTA (Beck & Teboulle 2009) for {@code f(p) + l1 · Σ|w|}, where {@code f} is smooth and the L1
 * term covers the weights of each score block {@code [w_0..w_{d-1}, bias]} but not the bias. The
 * step size comes from backtracking on the quadratic upper bound; the momentum restarts when the
 * objective goes up (O'Donoghue & Candès), which keeps it monotone in practice.
 */
final class Fista {
    record Result(double[] x, int iterations, boolean converged) {
    }

    private Fista() {
    }

    static Result minimize(Lbfgs.Objective f, double[] start, double l1, int d, int maxIter, double tol) {
        int n = start.length;
        double[] x = start.clone();
        double[] yk = start.clone();
        double[] g = new double[n];
        double[] xNew = new double[n];
        double[] scratch = new double[n];
        double lipschitz = 1;
        double t = 1;
        double fx = f.evaluate(x, scratch) + l1 * norm1(x, d);
        for (int iter = 0; iter < maxIter; iter++) {
            double fy = f.evaluate(yk, g);
            while (true) {
                double step = 1 / lipschitz;
                for (int i = 0; i < n; i++) {
                    double v = yk[i] - step * g[i];
                    xNew[i] = (i % (d + 1) == d) ? v : Lasso.softThreshold(v, step * l1);
                }
                double fNew = f.evaluate(xNew, scratch);
                double bound = fy;
                double sq = 0;
                for (int i = 0; i < n; i++) {
                    double diff = xNew[i] - yk[i];
                    bound += g[i] * diff;
                    sq += diff * diff;
                }
                bound += 0.5 * lipschitz * sq;
                if (fNew <= bound + 1e-12 * Math.abs(bound)) {
                    break;
                }
                lipschitz *= 2;
            }
            double fNewTotal = f.evaluate(xNew, scratch) + l1 * norm1(xNew, d);
            double change = 0;
            double scale = 1;
            for (int i = 0; i < n; i++) {
                change = Math.max(change, Math.abs(xNew[i] - x[i]));
                scale = Math.max(scale, Math.abs(xNew[i]));
            }
            double tNext = (1 + Math.sqrt(1 + 4 * t * t)) / 2;
            if (fNewTotal > fx) { // restart momentum
                tNext = 1;
                System.arraycopy(xNew, 0, yk, 0, n);
            } else {
                double beta = (t - 1) / tNext;
                for (int i = 0; i < n; i++) {
                    yk[i] = xNew[i] + beta * (xNew[i] - x[i]);
                }
            }
            System.arraycopy(xNew, 0, x, 0, n);
            fx = fNewTotal;
            t = tNext;
            lipschitz *= 0.9; // let the step grow again where the curvature allows
            if (change < tol * scale) {
                return new Result(x, iter + 1, true);
            }
        }
        return new Result(x, maxIter, false);
    }

    private static double norm1(double[] p, int d) {
        double s = 0;
        for (int i = 0; i < p.length; i++) {
            if (i % (d + 1) != d) {
                s += Math.abs(p[i]);
            }
        }
        return s;
    }
}

package dev.kiln.supervised.classic;

/**
 * Limited-memory BFGS (Nocedal & Wright, algorithm 7.4) with a backtracking Armijo line search,
 * for smooth convex objectives on double arrays (logistic regression). Stops when the largest
 * gradient component falls below {@code gradTol} or the objective stops decreasing.
 */
final class Lbfgs {
    /** An objective: writes the gradient at {@code x} into {@code grad} and returns the value. */
    interface Objective {
        double evaluate(double[] x, double[] grad);
    }

    /** The minimiser found and how it ended. */
    record Result(double[] x, double value, int iterations, boolean converged) {
    }

    private final int memory;
    private final int maxIter;
    private final double gradTol;

    Lbfgs(int memory, int maxIter, double gradTol) {
        this.memory = memory;
        this.maxIter = maxIter;
        this.gradTol = gradTol;
    }

    Result minimize(Objective f, double[] start) {
        int n = start.length;
        double[] x = start.clone();
        double[] g = new double[n];
        double fx = f.evaluate(x, g);
        double[][] s = new double[memory][n];
        double[][] y = new double[memory][n];
        double[] rho = new double[memory];
        double[] alpha = new double[memory];
        int stored = 0;
        int head = 0; // slot of the next pair to write
        double[] dir = new double[n];
        double[] xNew = new double[n];
        double[] gNew = new double[n];
        for (int iter = 0; iter < maxIter; iter++) {
            if (maxAbs(g) < gradTol) {
                return new Result(x, fx, iter, true);
            }
            // two-loop recursion: dir = -H g
            for (int i = 0; i < n; i++) {
                dir[i] = -g[i];
            }
            for (int k = 0; k < stored; k++) {
                int slot = Math.floorMod(head - 1 - k, memory);
                alpha[slot] = rho[slot] * Rows.dot(s[slot], dir);
                axpy(-alpha[slot], y[slot], dir);
            }
            if (stored > 0) {
                int last = Math.floorMod(head - 1, memory);
                double gamma = Rows.dot(s[last], y[last]) / Rows.dot(y[last], y[last]);
                for (int i = 0; i < n; i++) {
                    dir[i] *= gamma;
                }
            } else {
                double norm = Math.sqrt(Rows.dot(g, g));
                for (int i = 0; i < n; i++) {
                    dir[i] /= Math.max(1, norm); // a cautious first step
                }
            }
            for (int k = stored - 1; k >= 0; k--) {
                int slot = Math.floorMod(head - 1 - k, memory);
                double beta = rho[slot] * Rows.dot(y[slot], dir);
                axpy(alpha[slot] - beta, s[slot], dir);
            }
            double slope = Rows.dot(g, dir);
            if (slope >= 0) { // not a descent direction (numerical trouble): restart from steepest descent
                stored = 0;
                for (int i = 0; i < n; i++) {
                    dir[i] = -g[i];
                }
                slope = -Rows.dot(g, g);
            }
            double step = 1;
            double fNew;
            while (true) {
                for (int i = 0; i < n; i++) {
                    xNew[i] = x[i] + step * dir[i];
                }
                fNew = f.evaluate(xNew, gNew);
                if (fNew <= fx + 1e-4 * step * slope) {
                    break;
                }
                step *= 0.5;
                if (step < 1e-20) {
                    return new Result(x, fx, iter, maxAbs(g) < gradTol * 100); // no further progress possible
                }
            }
            double[] sNext = s[head];
            double[] yNext = y[head];
            for (int i = 0; i < n; i++) {
                sNext[i] = xNew[i] - x[i];
                yNext[i] = gNew[i] - g[i];
            }
            double sy = Rows.dot(sNext, yNext);
            if (sy > 1e-12 * Math.sqrt(Rows.dot(sNext, sNext) * Rows.dot(yNext, yNext))) {
                rho[head] = 1 / sy; // keep only pairs with positive curvature
                head = (head + 1) % memory;
                stored = Math.min(stored + 1, memory);
            }
            double decrease = fx - fNew;
            System.arraycopy(xNew, 0, x, 0, n);
            System.arraycopy(gNew, 0, g, 0, n);
            fx = fNew;
            if (decrease <= 1e-15 * Math.max(1, Math.abs(fx))) {
                return new Result(x, fx, iter + 1, true);
            }
        }
        return new Result(x, fx, maxIter, maxAbs(g) < gradTol);
    }

    private static void axpy(double a, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] += a * x[i];
        }
    }

    static double maxAbs(double[] v) {
        double m = 0;
        for (double x : v) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }
}

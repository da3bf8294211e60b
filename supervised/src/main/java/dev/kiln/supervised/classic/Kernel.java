package dev.kiln.supervised.classic;

/**
 * An SVM kernel: linear {@code <a,b>}, RBF {@code exp(-gamma ||a-b||²)} or polynomial
 * {@code (gamma <a,b> + coef0)^degree}. A gamma of NaN means scikit-learn's {@code gamma="scale"},
 * {@code 1 / (d · Var(X))} with the variance over every entry of the training matrix; it is fixed by
 * {@link #resolve} when fitting.
 */
public record Kernel(Type type, double gamma, double coef0, int degree) {
    public enum Type { LINEAR, RBF, POLY }

    public Kernel {
        if (!Double.isNaN(gamma) && !(gamma > 0)) {
            throw new IllegalArgumentException("kernel gamma must be positive (or NaN for 'scale'), got " + gamma);
        }
        if (type == Type.POLY) {
            Rows.atLeast(degree, 1, "polynomial degree");
        }
    }

    public static Kernel linear() {
        return new Kernel(Type.LINEAR, 1, 0, 1);
    }

    /** RBF with {@code gamma="scale"} (scikit-learn's default). */
    public static Kernel rbf() {
        return new Kernel(Type.RBF, Double.NaN, 0, 0);
    }

    public static Kernel rbf(double gamma) {
        return new Kernel(Type.RBF, gamma, 0, 0);
    }

    /** Polynomial with {@code gamma="scale"} and scikit-learn's coef0 = 0 unless given. */
    public static Kernel poly(int degree, double coef0) {
        return new Kernel(Type.POLY, Double.NaN, coef0, degree);
    }

    public static Kernel poly(int degree, double gamma, double coef0) {
        return new Kernel(Type.POLY, gamma, coef0, degree);
    }

    /** This kernel with a "scale" gamma replaced by its value on {@code x}. */
    public Kernel resolve(double[][] x) {
        if (!Double.isNaN(gamma)) {
            return this;
        }
        int d = x[0].length;
        double sum = 0;
        double sq = 0;
        long count = (long) x.length * d;
        for (double[] row : x) {
            for (double v : row) {
                sum += v;
                sq += v * v;
            }
        }
        double mean = sum / count;
        double var = sq / count - mean * mean;
        return new Kernel(type, var > 0 ? 1.0 / (d * var) : 1.0, coef0, degree);
    }

    public double compute(double[] a, double[] b) {
        return switch (type) {
            case LINEAR -> Rows.dot(a, b);
            case POLY -> Math.pow(gamma * Rows.dot(a, b) + coef0, degree);
            case RBF -> {
                double s = 0;
                for (int i = 0; i < a.length; i++) {
                    double t = a[i] - b[i];
                    s += t * t;
                }
                yield Math.exp(-gamma * s);
            }
        };
    }
}

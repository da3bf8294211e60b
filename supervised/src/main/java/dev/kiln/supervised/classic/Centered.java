package dev.kiln.supervised.classic;

/**
 * Features and targets with their column means removed, so linear models can fit an unpenalised
 * intercept as {@code mean(y) - mean(x) · w} (the way scikit-learn does).
 */
record Centered(double[][] x, double[] y, double[] xMean, double yMean) {
    static Centered of(double[][] x, double[] y, boolean center) {
        int n = x.length;
        int d = x[0].length;
        double[] xm = new double[d];
        double ym = 0;
        if (center) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < d; j++) {
                    xm[j] += x[i][j];
                }
                ym += y[i];
            }
            for (int j = 0; j < d; j++) {
                xm[j] /= n;
            }
            ym /= n;
        }
        double[][] xc = new double[n][d];
        double[] yc = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                xc[i][j] = x[i][j] - xm[j];
            }
            yc[i] = y[i] - ym;
        }
        return new Centered(xc, yc, xm, ym);
    }

    LinearModel model(double[] w) {
        return new LinearModel(w, yMean - Rows.dot(xMean, w));
    }
}

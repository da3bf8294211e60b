package dev.kiln.supervised.classic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.core.ml.RegressionSet;
import dev.kiln.core.tensor.Rng;
import org.junit.jupiter.api.Test;

class LinearRegressionTest {
    /** y = 2 x0 - 3 x1 + 5, exactly. */
    private static RegressionSet exactPlane(int n) {
        Rng rng = new Rng(7);
        double[][] x = new double[n][2];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i][0] = rng.nextGaussian();
            x[i][1] = rng.nextGaussian();
            y[i] = 2 * x[i][0] - 3 * x[i][1] + 5;
        }
        return new RegressionSet(x, y);
    }

    @Test
    void qrRecoversAnExactPlane() {
        LinearModel m = new LinearRegression().fit(exactPlane(50));
        assertThat(m.coefficients()).containsExactly(new double[] {2, -3}, within(1e-10));
        assertThat(m.intercept()).isCloseTo(5, within(1e-10));
        assertThat(m.predict(new double[][] {{1, 1}})[0]).isCloseTo(4, within(1e-10));
    }

    @Test
    void leastSquaresMatchesTheHandSolvedLine() {
        // x = 0,1,2,3, y = 1,3,2,5: slope = Sxy/Sxx = 5.5/5 = 1.1, intercept = 2.75 - 1.1*1.5 = 1.1
        RegressionSet data = new RegressionSet(new double[][] {{0}, {1}, {2}, {3}}, new double[] {1, 3, 2, 5});
        LinearModel m = new LinearRegression().fit(data);
        assertThat(m.coefficients()[0]).isCloseTo(1.1, within(1e-12));
        assertThat(m.intercept()).isCloseTo(1.1, within(1e-12));
        // ridge, alpha = 1: slope = Sxy / (Sxx + alpha) = 5.5 / 6, intercept = 2.75 - slope*1.5
        LinearModel r = LinearRegression.ridge(1).fit(data);
        assertThat(r.coefficients()[0]).isCloseTo(5.5 / 6, within(1e-12));
        assertThat(r.intercept()).isCloseTo(2.75 - 5.5 / 6 * 1.5, within(1e-12));
    }

    @Test
    void ridgeMatchesTheNormalEquationsInTwoDimensions() {
        RegressionSet data = exactPlane(30);
        double alpha = 3;
        Centered c = Centered.of(data.features(), data.targets(), true);
        double a = alpha;
        double b = 0;
        double d = alpha;
        double u = 0;
        double v = 0;
        for (int i = 0; i < 30; i++) {
            double[] xi = c.x()[i];
            a += xi[0] * xi[0];
            b += xi[0] * xi[1];
            d += xi[1] * xi[1];
            u += xi[0] * c.y()[i];
            v += xi[1] * c.y()[i];
        }
        double det = a * d - b * b;
        double w0 = (d * u - b * v) / det;
        double w1 = (a * v - b * u) / det;
        LinearModel m = LinearRegression.ridge(alpha).fit(data);
        assertThat(m.coefficients()).containsExactly(new double[] {w0, w1}, within(1e-10));
    }

    @Test
    void sgdApproachesTheLeastSquaresSolution() {
        LinearModel m = LinearRegression.builder().solver(LinearRegression.Solver.SGD).epochs(200)
                .learningRate(0.05).seed(3).build().fit(exactPlane(200));
        assertThat(m.coefficients()).containsExactly(new double[] {2, -3}, within(1e-3));
        assertThat(m.intercept()).isCloseTo(5, within(1e-3));
    }

    @Test
    void collinearFeaturesAreAClearError() {
        double[][] x = {{1, 2}, {2, 4}, {3, 6}, {4, 8}};
        RegressionSet data = new RegressionSet(x, new double[] {1, 2, 3, 4});
        assertThatThrownBy(() -> new LinearRegression().fit(data)).hasMessageContaining("collinear");
        // ridge resolves the ambiguity
        assertThat(LinearRegression.ridge(0.1).fit(data).predict(x)[0]).isCloseTo(1, within(0.05));
    }

    @Test
    void lassoOnOrthogonalFeaturesIsSoftThresholding() {
        // centred orthogonal columns with x_j·x_j / n = 1: w_j = soft(x_j·y / n, alpha)
        double[][] x = {{1, 1}, {1, -1}, {-1, 1}, {-1, -1}};
        double[] y = {3, 1, -1, -3}; // y = 2 x0 + 1 x1
        RegressionSet data = new RegressionSet(x, y);
        LinearModel m = new Lasso(0.5).fit(data);
        assertThat(m.coefficients()).containsExactly(new double[] {1.5, 0.5}, within(1e-9));
        LinearModel sparse = new Lasso(1.2).fit(data);
        assertThat(sparse.coefficients()).containsExactly(new double[] {0.8, 0}, within(1e-9));
        assertThat(new Lasso(5).fit(data).coefficients()).containsOnly(0.0);
    }

    @Test
    void lassoWithTinyAlphaMatchesLeastSquares() {
        LinearModel m = new Lasso(1e-8, 10_000, 1e-10, true).fit(exactPlane(40));
        assertThat(m.coefficients()).containsExactly(new double[] {2, -3}, within(1e-6));
        assertThat(m.intercept()).isCloseTo(5, within(1e-6));
    }

    @Test
    void badInputIsNamed() {
        RegressionSet data = new RegressionSet(new double[][] {{1, Double.NaN}}, new double[] {1});
        assertThatThrownBy(() -> new LinearRegression().fit(data)).hasMessageContaining("feature 1 of row 0 is NaN");
        LinearModel m = new LinearRegression().fit(exactPlane(10));
        assertThatThrownBy(() -> m.predict(new double[][] {{1}})).hasMessageContaining("fitted on 2");
    }
}

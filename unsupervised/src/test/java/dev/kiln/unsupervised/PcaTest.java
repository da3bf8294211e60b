package dev.kiln.unsupervised;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.core.tensor.Rng;
import org.junit.jupiter.api.Test;

class PcaTest {
    /** (±3, 0) and (0, ±1), rotated by 30°: covariance eigenvalues 6 and 2/3 along the rotated axes. */
    private static Points rotatedCross() {
        double c = Math.cos(Math.PI / 6);
        double s = Math.sin(Math.PI / 6);
        double[][] base = {{3, 0}, {-3, 0}, {0, 1}, {0, -1}};
        double[][] x = new double[4][];
        for (int i = 0; i < 4; i++) {
            x[i] = new double[] {5 + c * base[i][0] - s * base[i][1], -2 + s * base[i][0] + c * base[i][1]};
        }
        return Points.of(x);
    }

    @Test
    void recoversAKnownDecomposition() {
        PcaModel m = Pca.of(2).fit(rotatedCross());
        assertThat(m.mean()).containsExactly(new double[] {5, -2}, within(1e-6));
        assertThat(m.explainedVariance()).containsExactly(new double[] {6, 2.0 / 3}, within(1e-5));
        assertThat(m.explainedVarianceRatio()).containsExactly(new double[] {0.9, 0.1}, within(1e-6));
        double[][] v = m.componentVectors();
        double c = Math.cos(Math.PI / 6);
        double s = Math.sin(Math.PI / 6);
        // signs: the largest-magnitude entry of each component is positive
        assertThat(v[0]).containsExactly(new double[] {c, s}, within(1e-6));
        assertThat(v[1]).containsExactly(new double[] {-s, c}, within(1e-6));
        double[][] t = m.transform(rotatedCross());
        assertThat(t[0]).containsExactly(new double[] {3, 0}, within(1e-5));
        assertThat(t[2]).containsExactly(new double[] {0, 1}, within(1e-5));
    }

    @Test
    void allComponentsReconstructExactlyAndAreOrthonormal() {
        Rng rng = new Rng(3);
        double[][] x = new double[50][5];
        for (double[] row : x) {
            double z = rng.nextGaussian();
            for (int j = 0; j < 5; j++) {
                row[j] = z * (j + 1) + 0.3 * rng.nextGaussian();
            }
        }
        Points p = Points.of(x);
        PcaModel m = Pca.of(5).fit(p);
        double[][] back = m.inverseTransform(m.transform(p));
        for (int i = 0; i < x.length; i++) {
            assertThat(back[i]).containsExactly(p.row(i), within(1e-4));
        }
        double[][] v = m.componentVectors();
        for (int a = 0; a < 5; a++) {
            for (int b = 0; b < 5; b++) {
                double dot = 0;
                for (int j = 0; j < 5; j++) {
                    dot += v[a][j] * v[b][j];
                }
                assertThat(dot).isCloseTo(a == b ? 1 : 0, within(1e-9));
            }
        }
        // one dominant direction: 90% of the variance needs a single component
        assertThat(Pca.explaining(0.9).fit(p).components()).isEqualTo(1);
        double[][] w = Pca.of(2).whitened().fit(p).transform(p);
        double var = 0;
        for (double[] row : w) {
            var += row[0] * row[0];
        }
        assertThat(var / (x.length - 1)).isCloseTo(1.0, within(1e-6));
    }

    @Test
    void tooManyComponentsIsAnError() {
        assertThatThrownBy(() -> Pca.of(3).fit(rotatedCross())).hasMessageContaining("exceeds min(rows, features) = 2");
    }
}

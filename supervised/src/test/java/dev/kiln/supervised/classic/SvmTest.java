package dev.kiln.supervised.classic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.core.ml.ClassificationSet;
import org.junit.jupiter.api.Test;

class SvmTest {
    @Test
    void twoPointsGiveTheMaximumMarginLine() {
        // class 0 at x=0, class 1 at x=2: hard-margin solution f(x) = x - 1 (w = 1, b = -1, alpha = 0.5)
        ClassificationSet data = new ClassificationSet(new double[][] {{0}, {2}}, new int[] {0, 1});
        SvmModel m = SvmClassifier.builder().kernel(Kernel.linear()).c(10).probabilityFolds(0).build().fit(data);
        double[][] dec = m.decisionFunction(new double[][] {{0}, {1}, {2}, {3}});
        assertThat(dec[0][0]).isCloseTo(-1, within(1e-9));
        assertThat(dec[1][0]).isCloseTo(0, within(1e-9));
        assertThat(dec[2][0]).isCloseTo(1, within(1e-9));
        assertThat(dec[3][0]).isCloseTo(2, within(1e-9));
        LinearSvmModel lin = new LinearSvm(10, 1e-8, 10_000, 0).fit(data);
        // liblinear-style regularised bias: min ½(w² + b²) s.t. -b >= 1, 2w + b >= 1 -> b = -1, w = 1
        assertThat(lin.coefficients()[0][0]).isCloseTo(1, within(1e-6));
        assertThat(lin.intercepts()[0]).isCloseTo(-1, within(1e-6));
    }

    @Test
    void rbfSolvesXorWhereALinearKernelCannot() {
        ClassificationSet train = Synthetic.xor(300, 1);
        ClassificationSet test = Synthetic.xor(300, 2);
        SvmModel rbf = SvmClassifier.builder().c(10).build().fit(train);
        assertThat(Synthetic.accuracy(test.labels(), rbf.predict(test.features()))).isGreaterThan(0.93);
        SvmModel linear = SvmClassifier.builder().kernel(Kernel.linear()).probabilityFolds(0).build().fit(train);
        assertThat(Synthetic.accuracy(test.labels(), linear.predict(test.features()))).isLessThan(0.7);
        // probabilities agree with the decision sign for confident points and sum to 1
        double[][] p = rbf.predictProba(test.features());
        double[][] dec = rbf.decisionFunction(test.features());
        int agree = 0;
        for (int i = 0; i < p.length; i++) {
            assertThat(p[i][0] + p[i][1]).isCloseTo(1, within(1e-12));
            agree += (p[i][1] > 0.5) == (dec[i][0] > 0) ? 1 : 0;
        }
        assertThat(agree).isGreaterThan(p.length * 95 / 100);
    }

    @Test
    void polynomialKernelSeparatesCircles() {
        ClassificationSet train = Synthetic.circles(200, 3);
        SvmModel m = SvmClassifier.builder().kernel(Kernel.poly(2, 1.0)).c(10).probabilityFolds(0).build().fit(train);
        assertThat(Synthetic.accuracy(train.labels(), m.predict(train.features()))).isGreaterThan(0.97);
    }

    @Test
    void gammaScaleIsOneOverFeaturesTimesVariance() {
        double[][] x = {{0, 2}, {2, 4}}; // entries 0,2,2,4: mean 2, variance 2
        assertThat(Kernel.rbf().resolve(x).gamma()).isCloseTo(1.0 / (2 * 2), within(1e-12));
    }

    @Test
    void oneVsOneHandlesThreeClasses() {
        ClassificationSet data = Synthetic.blobs(new double[][] {{0, 0}, {4, 0}, {0, 4}}, 40, 0.8, 9);
        SvmModel m = new SvmClassifier().fit(data);
        int[] pred = m.predict(data.features());
        assertThat(Synthetic.accuracy(data.labels(), pred)).isGreaterThan(0.97);
        double[][] dec = m.decisionFunction(data.features());
        double[][] proba = m.predictProba(data.features());
        for (int i = 0; i < pred.length; i++) {
            assertThat(dev.kiln.core.ml.Classifier.argmax(dec[i])).isEqualTo(pred[i]);
            assertThat(proba[i][0] + proba[i][1] + proba[i][2]).isCloseTo(1, within(1e-6));
        }
        assertThat(m.pairwiseDecision(data.features())[0]).hasSize(3);
        LinearSvmModel lin = new LinearSvm().fit(data);
        assertThat(Synthetic.accuracy(data.labels(), lin.predict(data.features()))).isGreaterThan(0.97);
    }

    @Test
    void plattCouplingOfConsistentPairsRecoversTheDistribution() {
        double[] target = {0.5, 0.3, 0.2};
        double[][] r = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                if (i != j) {
                    r[i][j] = target[i] / (target[i] + target[j]);
                }
            }
        }
        assertThat(Platt.couple(r)).containsExactly(target, within(1e-3));
    }
}

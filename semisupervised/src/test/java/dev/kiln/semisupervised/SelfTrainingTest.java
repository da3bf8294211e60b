package dev.kiln.semisupervised;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.core.component.HyperParameters;
import dev.kiln.core.ml.ClassificationSet;
import dev.kiln.core.ml.Classifier;
import dev.kiln.core.ml.Features;
import dev.kiln.supervised.classic.LogisticRegression;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SelfTrainingTest {
    /**
     * Two unit-variance blobs at x = -2 and x = +2; the labels kept are the three rows of class 0
     * highest in y and the three of class 1 lowest in y, so the boundary fitted on labels alone is
     * tilted about 50 degrees away from the true one (x = 0). Self-training's confident
     * pseudo-labels are the rows far from that boundary, which sit on both blobs' cores and rotate
     * it back: the split where self-training is known to help.
     */
    static final class TiltedBlobs {
        final SemiSupervisedSet semi;
        final int[] hidden;
        final double[][] testX;
        final int[] testY;

        TiltedBlobs(long seed) {
            SplittableRandom rng = new SplittableRandom(seed);
            int n = 400;
            double[][] x = new double[n][];
            int[] y = new int[n];
            for (int i = 0; i < n; i++) {
                y[i] = i % 2;
                x[i] = new double[] {(y[i] == 0 ? -2 : 2) + gauss(rng), gauss(rng)};
            }
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Double.compare(x[a][1], x[b][1]));
            int[] keep = new int[6];
            int k0 = 0;
            int k1 = 0;
            for (int r = 0; r < n && (k0 < 3 || k1 < 3); r++) {
                int lo = order[r];
                int hi = order[n - 1 - r];
                if (y[lo] == 1 && k1 < 3) {
                    keep[3 + k1++] = lo;
                }
                if (y[hi] == 0 && k0 < 3) {
                    keep[k0++] = hi;
                }
            }
            ClassificationSet all = new ClassificationSet(x, y);
            Set<Integer> kept = new HashSet<>();
            for (int i : keep) {
                kept.add(i);
            }
            int[] rest = java.util.stream.IntStream.range(0, n).filter(i -> !kept.contains(i)).toArray();
            LabelHiding.Split split = new LabelHiding.Split(n, keep, rest);
            semi = split.apply(all);
            hidden = split.hiddenLabels(all);
            testX = new double[1000][];
            testY = new int[1000];
            for (int i = 0; i < 1000; i++) {
                testY[i] = i % 2;
                testX[i] = new double[] {(testY[i] == 0 ? -2 : 2) + gauss(rng), gauss(rng)};
            }
        }

        private static double gauss(SplittableRandom rng) {
            double u = 1 - rng.nextDouble();
            return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.nextDouble());
        }
    }

    static double accuracy(int[] predicted, int[] truth) {
        int ok = 0;
        for (int i = 0; i < truth.length; i++) {
            ok += predicted[i] == truth[i] ? 1 : 0;
        }
        return (double) ok / truth.length;
    }

    @Test
    void beatsItsBaseClassifierOnTiltedLabels() {
        TiltedBlobs d = new TiltedBlobs(3);
        LogisticRegression base = new LogisticRegression();
        Classifier alone = base.fit(d.semi.labelled());
        SelfTrainingModel self = new SelfTrainingClassifier(base, SelfTrainingClassifier.Config.DEFAULTS.withThreshold(0.9).withMaxIter(20))
                .fit(d.semi);
        double a = accuracy(alone.predict(d.testX), d.testY);
        double s = accuracy(self.predict(d.testX), d.testY);
        System.out.println("tilted blobs: base alone " + a + ", self-training " + s + " after " + self.rounds() + " rounds, "
                + self.pseudoLabels().size() + " pseudo-labels, " + self.termination());
        assertThat(a).isLessThan(0.9);
        assertThat(s).isGreaterThan(a + 0.03).isGreaterThan(0.9);
    }

    @Test
    void pseudoLabelRecordIsCompleteAndConsistent() {
        TiltedBlobs d = new TiltedBlobs(5);
        SelfTrainingModel m = new SelfTrainingClassifier(new LogisticRegression(),
                SelfTrainingClassifier.Config.DEFAULTS.withKBest(25).withMaxIter(100)).fit(d.semi);
        int nu = d.semi.unlabelledSize();
        // k-best with room for every row: every unlabelled row is pseudo-labelled exactly once, 25 a round
        assertThat(m.termination()).isEqualTo(SelfTrainingClassifier.Termination.ALL_LABELED);
        assertThat(m.pseudoLabels()).hasSize(nu);
        assertThat(m.rounds()).isEqualTo((nu + 24) / 25);
        Set<Integer> rows = new HashSet<>();
        int[] iter = m.labeledIter();
        int[] trans = m.transduction(d.semi.labelled().labels());
        for (SelfTrainingClassifier.PseudoLabel p : m.pseudoLabels()) {
            assertThat(rows.add(p.row())).as("row %d labelled twice", p.row()).isTrue();
            assertThat(m.pseudoLabel(p.row())).isEqualTo(p.label());
            assertThat(iter[d.semi.labelledSize() + p.row()]).isEqualTo(p.round());
            assertThat(trans[d.semi.labelledSize() + p.row()]).isEqualTo(p.label());
            assertThat(p.confidence()).isBetween(0.5, 1.0);
        }
        for (int r = 1; r <= m.rounds(); r++) {
            int round = r;
            assertThat(m.pseudoLabels().stream().filter(p -> p.round() == round).count()).isEqualTo(r < m.rounds() ? 25 : nu - 25L * (r - 1));
        }
        assertThat(Arrays.copyOf(iter, d.semi.labelledSize())).containsOnly(0);
        assertThat(accuracy(Arrays.copyOfRange(trans, d.semi.labelledSize(), trans.length), d.hidden)).isGreaterThan(0.9);
    }

    @Test
    void thresholdThatNobodyPassesStopsWithNoChange() {
        TiltedBlobs d = new TiltedBlobs(5);
        SelfTrainingModel m = new SelfTrainingClassifier(new LogisticRegression(),
                SelfTrainingClassifier.Config.DEFAULTS.withThreshold(0.999999)).fit(d.semi);
        assertThat(m.termination()).isEqualTo(SelfTrainingClassifier.Termination.NO_CHANGE);
        assertThat(m.pseudoLabels()).isEmpty();
        assertThat(m.labeledIter()).containsOnly(0, -1);
    }

    @Test
    void balancingSharesPseudoLabelsByClassFrequency() {
        TiltedBlobs d = new TiltedBlobs(7);
        SelfTrainingModel m = new SelfTrainingClassifier(new LogisticRegression(),
                SelfTrainingClassifier.Config.DEFAULTS.withKBest(20).withMaxIter(3).withBalanceClasses(true)).fit(d.semi);
        for (int r = 1; r <= 3; r++) {
            int round = r;
            long ones = m.pseudoLabels().stream().filter(p -> p.round() == round && p.label() == 1).count();
            long zeros = m.pseudoLabels().stream().filter(p -> p.round() == round && p.label() == 0).count();
            assertThat(ones).isEqualTo(10);
            assertThat(zeros).isEqualTo(10);
        }
        assertThat(m.termination()).isEqualTo(SelfTrainingClassifier.Termination.MAX_ITER);
    }

    @Test
    void sameDataSameResult() {
        TiltedBlobs d = new TiltedBlobs(11);
        var learner = new SelfTrainingClassifier(new LogisticRegression(), SelfTrainingClassifier.Config.DEFAULTS);
        SelfTrainingModel a = learner.fit(d.semi);
        SelfTrainingModel b = learner.fit(new TiltedBlobs(11).semi);
        assertThat(a.pseudoLabels()).isEqualTo(b.pseudoLabels());
        assertThat(a.predictProba(Features.of(d.testX))).isDeepEqualTo(b.predictProba(Features.of(d.testX)));
    }

    @Test
    void badHyperParametersNameTheField() {
        assertThatThrownBy(() -> SelfTrainingClassifier.Config.DEFAULTS.withThreshold(1.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("SelfTrainingClassifier.threshold: must be >= 0 and < 1, got 1.0");
        assertThatThrownBy(() -> SelfTrainingClassifier.Config.DEFAULTS.withKBest(0))
                .hasMessage("SelfTrainingClassifier.kBest: must be >= 1, got 0");
        assertThatThrownBy(() -> SelfTrainingClassifier.Config.DEFAULTS.withMaxIter(-1))
                .hasMessage("SelfTrainingClassifier.maxIter: must be >= 0, got -1");
        assertThatThrownBy(() -> HyperParameters.bind(SelfTrainingClassifier.Config.DEFAULTS, Map.of("criterion", "BEST")))
                .hasMessageContaining("SelfTrainingClassifier.criterion");
        assertThatThrownBy(() -> new SelfTrainingClassifier(null)).hasMessageContaining("SelfTrainingClassifier.base");
    }
}

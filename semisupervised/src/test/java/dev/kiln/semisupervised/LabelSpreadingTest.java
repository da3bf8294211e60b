package dev.kiln.semisupervised;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.core.component.Components;
import dev.kiln.core.ml.ClassificationSet;
import dev.kiln.core.ml.Features;
import dev.kiln.core.train.Trainer;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LabelSpreadingTest {
    /** scikit-learn's make_moons: the upper moon (class 0) and the lower, shifted one (class 1), Gaussian noise. */
    static ClassificationSet moons(int n, double noise, long seed) {
        Random r = new Random(seed);
        double[][] x = new double[n][];
        int[] y = new int[n];
        int half = n / 2;
        for (int i = 0; i < n; i++) {
            boolean outer = i < half;
            double t = Math.PI * (outer ? i / (half - 1.0) : (i - half) / (n - half - 1.0));
            x[i] = outer ? new double[] {Math.cos(t), Math.sin(t)} : new double[] {1 - Math.cos(t), 0.5 - Math.sin(t)};
            x[i][0] += noise * r.nextGaussian();
            x[i][1] += noise * r.nextGaussian();
            y[i] = outer ? 0 : 1;
        }
        return new ClassificationSet(x, y);
    }

    /** One label per moon: row 0 (an end of the upper moon) and row n-1 (an end of the lower one). */
    static LabelHiding.Split oneLabelPerMoon(int n) {
        int[] unlabelled = new int[n - 2];
        for (int i = 1; i < n - 1; i++) {
            unlabelled[i - 1] = i;
        }
        return new LabelHiding.Split(n, new int[] {0, n - 1}, unlabelled);
    }

    static double agreement(int[] transduction, int offset, int[] truth) {
        int ok = 0;
        for (int i = 0; i < truth.length; i++) {
            ok += transduction[offset + i] == truth[i] ? 1 : 0;
        }
        return ok / (double) truth.length;
    }

    @Test
    void knnSpreadingLabelsTwoMoonsFromOneLabelEach() {
        ClassificationSet full = moons(400, 0.05, 1);
        LabelHiding.Split split = oneLabelPerMoon(400);
        SemiSupervisedSet data = split.apply(full);
        GraphLabelModel m = new LabelSpreading(LabelSpreading.Config.DEFAULTS.withKernel(GraphLabelModel.Kernel.KNN).withK(10)
                .withAlpha(0.99).withMaxIter(1000)).fit(data);
        double acc = agreement(m.transduction(), 2, split.hiddenLabels(full));
        System.out.printf("two moons, kNN spreading: %.4f of 398 unlabelled points right (%d iterations)%n", acc, m.iterations());
        assertThat(acc).isGreaterThanOrEqualTo(0.98);
        assertThat(m.transduction()[0]).isZero();
        assertThat(m.transduction()[1]).isEqualTo(1);
        for (double[] row : m.labelDistributions()) {
            assertThat(row[0] + row[1]).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        }
        // new points from the same moons are predicted from their neighbours' distributions
        ClassificationSet fresh = moons(200, 0.05, 2);
        int[] p = m.predict(fresh.inputs());
        assertThat(agreement(p, 0, fresh.labels())).isGreaterThanOrEqualTo(0.97);
    }

    @Test
    void knnPropagationAndRbfSpreadingAlsoSeparateTheMoons() {
        ClassificationSet full = moons(300, 0.05, 3);
        LabelHiding.Split split = oneLabelPerMoon(300);
        SemiSupervisedSet data = split.apply(full);
        GraphLabelModel prop = new LabelPropagation(LabelPropagation.Config.DEFAULTS.withKernel(GraphLabelModel.Kernel.KNN)
                .withK(10)).fit(data);
        GraphLabelModel rbf = new LabelSpreading(LabelSpreading.Config.DEFAULTS.withGamma(30).withAlpha(0.99).withMaxIter(1000))
                .fit(data);
        double a = agreement(prop.transduction(), 2, split.hiddenLabels(full));
        double b = agreement(rbf.transduction(), 2, split.hiddenLabels(full));
        System.out.printf("two moons: kNN propagation %.4f (%d it), RBF spreading %.4f (%d it)%n", a, prop.iterations(), b,
                rbf.iterations());
        assertThat(a).isGreaterThanOrEqualTo(0.98);
        assertThat(b).isGreaterThanOrEqualTo(0.98);
        // propagation clamps the given labels
        assertThat(prop.labelDistributions()[0]).containsExactly(1.0, 0.0);
    }

    @Test
    void rowsWithNoAffinityGetAUniformDistributionNotNaN() {
        // gamma so large that exp underflows to 0 for every distinct pair: no row has any affinity
        SemiSupervisedSet data = SemiSupervisedSet.fromMarked(new double[][] {{0}, {10}, {20}, {30}}, new int[] {0, 1, -1, -1});
        for (Trainer<SemiSupervisedSet, GraphLabelModel> t : java.util.List.<Trainer<SemiSupervisedSet, GraphLabelModel>>of(
                new LabelSpreading(LabelSpreading.Config.DEFAULTS.withGamma(1e6)),
                new LabelPropagation(LabelPropagation.Config.DEFAULTS.withGamma(1e6)))) {
            GraphLabelModel m = t.fit(data);
            double[][] d = m.labelDistributions();
            assertThat(d[2]).containsExactly(0.5, 0.5);
            assertThat(d[3]).containsExactly(0.5, 0.5);
            assertThat(m.predictProba(new double[][] {{55}})[0]).containsExactly(0.5, 0.5);
        }
    }

    @Test
    void sameDataSameResult() {
        SemiSupervisedSet data = oneLabelPerMoon(200).apply(moons(200, 0.1, 4));
        LabelSpreading ls = new LabelSpreading(LabelSpreading.Config.DEFAULTS.withKernel(GraphLabelModel.Kernel.KNN));
        assertThat(ls.fit(data).labelDistributions()).isDeepEqualTo(ls.fit(data).labelDistributions());
    }

    @Test
    void kNearestIsExactWithTiesToTheLowerRow() {
        double[][] pts = {{0}, {1}, {-1}, {2}, {1}};
        int[][] nb = Affinity.nearest(new double[][] {{0}, {1.1}}, pts, 3);
        assertThat(nb[0]).containsExactly(0, 1, 2);
        assertThat(nb[1]).containsExactly(1, 4, 3);
        Affinity.Sparse g = Affinity.knn(pts, 2);
        assertThat(g.indptr()).containsExactly(0, 2, 4, 6, 8, 10);
        assertThat(g.cols()).hasSize(10);
    }

    @Test
    void theBackendGemmPathFindsTheSameNeighboursAsTheExactScan() {
        Random r = new Random(9);
        double[][] pts = new double[700][40];
        for (double[] p : pts) {
            for (int j = 0; j < p.length; j++) {
                p[j] = r.nextGaussian() * 3 + 10; // an offset makes ‖p‖² − 2q·p cancel, as pixel data does
            }
        }
        int[][] exact = Affinity.nearestExact(pts, pts, 10);
        int[][] gemm = Affinity.nearestByGemm(pts, pts, 10);
        int[][] self = Affinity.selfNearestByGemm(pts, 10, 128); // several blocks, the diagonal ones included
        int[][] other = Affinity.nearestByGemm(pts.clone(), pts, 10); // the general (non-symmetric) path
        for (int i = 0; i < pts.length; i++) {
            assertThat(gemm[i]).as("neighbours of row %d", i).containsExactly(exact[i]);
            assertThat(self[i]).as("neighbours of row %d (symmetric blocks)", i).containsExactly(exact[i]);
            assertThat(other[i]).as("neighbours of row %d (general path)", i).containsExactly(exact[i]);
        }
    }

    @Test
    void registeredAndBadHyperParametersNameTheField() {
        Components all = Components.discover();
        assertThat(all.names(SemiSupervisedComponents.CLASSIFIER)).contains("label-spreading", "label-propagation", "self-training");
        Object t = all.create(SemiSupervisedComponents.CLASSIFIER, "label-spreading", Map.of("kernel", "KNN", "k", 5));
        assertThat(((LabelSpreading) t).config().k()).isEqualTo(5);
        assertThatThrownBy(() -> LabelSpreading.Config.DEFAULTS.withAlpha(1.0))
                .hasMessage("LabelSpreading.alpha: must be > 0 and < 1, got 1.0");
        assertThatThrownBy(() -> LabelSpreading.Config.DEFAULTS.withGamma(0)).hasMessage("LabelSpreading.gamma: must be > 0, got 0.0");
        assertThatThrownBy(() -> LabelPropagation.Config.DEFAULTS.withK(0)).hasMessage("LabelPropagation.k: must be >= 1, got 0");
        assertThatThrownBy(() -> all.create(SemiSupervisedComponents.CLASSIFIER, "label-propagation", Map.of("alpha", 0.5)))
                .hasMessageContaining("unknown hyper-parameter 'alpha'");
        GraphLabelModel m = new LabelSpreading(LabelSpreading.Config.DEFAULTS).fit(oneLabelPerMoon(20).apply(moons(20, 0.05, 5)));
        assertThatThrownBy(() -> m.predict(Features.of(new double[][] {{1, 2, 3}}))).hasMessageContaining("3 features");
    }
}

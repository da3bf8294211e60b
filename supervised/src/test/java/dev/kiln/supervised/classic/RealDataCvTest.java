package dev.kiln.supervised.classic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.core.data.sets.ClassificationData;
import dev.kiln.core.data.sets.SklearnDatasets;
import dev.kiln.core.data.split.CrossValidation;
import dev.kiln.core.data.split.Fold;
import dev.kiln.core.data.tabular.Pipeline;
import dev.kiln.core.data.tabular.StandardScaler;
import dev.kiln.core.ml.ClassificationSet;
import dev.kiln.core.ml.Classifier;
import dev.kiln.core.train.Trainer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The accuracy bar on real data: 5-fold stratified CV (fold seed 42) of the default tree,
 * forest, logistic regression and RBF SVM on iris, scaled wine and scaled breast cancer must reach
 * scikit-learn's accuracy on the very same folds minus one point, with the seed fixed (Kiln seed 0,
 * scikit-learn {@code random_state=0}).
 *
 * <p>The scikit-learn figures below were produced by
 * {@code ./kiln bench classic-cv --folds /tmp/classic-folds --json} (which writes the fold files)
 * then {@code /usr/bin/python3 benchmarks/peers/classic_sklearn.py --folds /tmp/classic-folds --json}
 * with scikit-learn 1.2.1 and numpy 1.24.2 (Debian python3-sklearn), 2026-11-27; see BENCHMARKS.md.
 */
@Tag("slow")
class RealDataCvTest {
    private static final long FOLD_SEED = 42;
    private static final double POINT = 0.01;

    /** scikit-learn 1.2.1 at default parameters (random_state=0 where it draws), same folds. */
    private static final Map<String, Double> SKLEARN = Map.ofEntries(
            Map.entry("iris.tree", 0.9467), Map.entry("iris.forest", 0.9467),
            Map.entry("iris.logreg", 0.9733), Map.entry("iris.svm_rbf", 0.9733),
            Map.entry("wine.tree", 0.9214), Map.entry("wine.forest", 0.9832),
            Map.entry("wine.logreg", 0.9830), Map.entry("wine.svm_rbf", 0.9830),
            Map.entry("breast_cancer.tree", 0.9244), Map.entry("breast_cancer.forest", 0.9578),
            Map.entry("breast_cancer.logreg", 0.9789), Map.entry("breast_cancer.svm_rbf", 0.9719));

    /** The same run's {@code <dataset>.tree_seeds10.per_seed}: the tree at random_state 0..9. */
    private static final Map<String, double[]> SKLEARN_TREE_PER_SEED = Map.of(
            "iris", new double[] {0.9467, 0.9467, 0.96, 0.9467, 0.9333, 0.9467, 0.9533, 0.9467, 0.9467, 0.96},
            "wine", new double[] {0.9214, 0.9325, 0.9159, 0.9216, 0.9046, 0.927, 0.927, 0.8935, 0.9044, 0.9381},
            "breast_cancer",
            new double[] {0.9244, 0.9262, 0.935, 0.9332, 0.9262, 0.928, 0.9297, 0.9227, 0.9121, 0.928});

    /** {@code np.random.RandomState(s).randint(0, 2**31 - 1)} for s = 0..9: scikit-learn's splitter start states. */
    private static final long[] SKLEARN_SPLITTER_STATE = {209652396L, 1791095845L, 1872583848L, 218175338L,
        2005877882L, 953453411L, 1687321482L, 327741615L, 1603867075L, 44556670L};

    /**
     * Cells that miss the line at the fixed seed. Kiln's tree is scikit-learn's algorithm (see
     * {@link #withScikitLearnsRandomStreamTheTreeScoresExactlyAsScikitLearnAtEverySeed}), but Kiln's
     * seed 0 and scikit-learn's random_state 0 are different random streams, i.e. two draws from the
     * same seed-to-seed spread (wine: 0.89 to 0.94 over 100 seeds on both sides). Kiln's wine tree at
     * seed 0 scores 0.9046 against scikit-learn's 0.9214 (-1.7 points). Listed here, not hidden: this
     * test fails if any other cell misses, and also if this one stops missing (then remove it).
     */
    private static final Set<String> KNOWN_MISSES = Set.of("wine.tree");

    private SklearnDatasets data;

    @BeforeEach
    void requireData() {
        data = SklearnDatasets.fromCache();
        Assumptions.assumeTrue(data.available(), () -> "skipped: the scikit-learn datasets are not in "
                + data.dir() + "; fetch them with " + SklearnDatasets.FETCH_COMMAND);
    }

    @Test
    void everyCellAtTheFixedSeedReachesScikitLearnMinusOnePoint() {
        List<String> misses = new ArrayList<>();
        StringBuilder table = new StringBuilder("cell: Kiln vs scikit-learn\n");
        for (ClassicCvSuite.Score s : ClassicCvSuite.run(data, FOLD_SEED)) {
            String cell = s.dataset() + "." + s.model();
            double peer = SKLEARN.get(cell);
            table.append(String.format(Locale.ROOT, "%s: %.4f vs %.4f%n", cell, s.accuracy(), peer));
            if (s.accuracy() < peer - POINT) {
                misses.add(cell);
            }
        }
        assertThat(misses).as(table.toString()).containsExactlyInAnyOrderElementsOf(KNOWN_MISSES);
    }

    @Test
    void decisionTreeOverTenSeedsReachesScikitLearnMinusOnePoint() {
        for (String dataset : ClassicCvSuite.DATASETS) {
            double kiln = ClassicCvSuite.treeSeedMean(data, dataset, FOLD_SEED, 10);
            double peer = mean(SKLEARN_TREE_PER_SEED.get(dataset));
            assertThat(kiln).as("%s tree, mean of seeds 0..9 (scikit-learn %.4f)", dataset, peer)
                    .isGreaterThanOrEqualTo(peer - POINT);
        }
    }

    @Test
    void withScikitLearnsRandomStreamTheTreeScoresExactlyAsScikitLearnAtEverySeed() {
        for (String dataset : ClassicCvSuite.DATASETS) {
            ClassificationData d = ClassicCvSuite.load(data, dataset);
            ClassificationSet set = d.toClassificationSet();
            List<Fold> folds = ClassicCvSuite.foldList(d, FOLD_SEED);
            double[] expected = SKLEARN_TREE_PER_SEED.get(dataset);
            for (int s = 0; s < expected.length; s++) {
                long state = SKLEARN_SPLITTER_STATE[s];
                Trainer<ClassificationSet, ? extends Classifier> tree =
                        new DecisionTreeClassifier().withStream(seed -> new SklearnRandR(state));
                if (ClassicCvSuite.scaled(dataset)) {
                    tree = Pipeline.of(new StandardScaler()).classifier(tree);
                }
                double acc = CrossValidation.mean(CrossValidation.accuracy(tree, set, folds));
                assertThat(acc).as("%s tree, random_state %d", dataset, s).isCloseTo(expected[s], within(0.00006));
            }
        }
    }

    private static double mean(double[] v) {
        double sum = 0;
        for (double x : v) {
            sum += x;
        }
        return sum / v.length;
    }
}

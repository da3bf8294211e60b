package dev.kiln.supervised.classic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.core.ml.ClassificationSet;
import dev.kiln.core.ml.RegressionSet;
import dev.kiln.core.tensor.Rng;
import org.junit.jupiter.api.Test;

class DecisionTreeTest {
    private static final ClassificationSet TINY = new ClassificationSet(
            new double[][] {{1, 5}, {2, 5}, {3, 5}, {4, 5}, {5, 1}, {6, 1}},
            new int[] {0, 0, 0, 1, 1, 1});

    @Test
    void splitsAtTheMidpointAndPrintsTheTree() {
        DecisionTreeModel m = new DecisionTreeClassifier().fit(TINY);
        // feature 0 <= 3.5 separates perfectly; feature 1 <= 3 leaves {4,5} mixed with the right side
        assertThat(m.toText(new String[] {"a", "b"}, new String[] {"no", "yes"})).isEqualTo("""
                |--- a <= 3.50
                |   |--- class: no
                |--- a >  3.50
                |   |--- class: yes
                """);
        assertThat(m.predict(new double[][] {{3.4, 0}, {3.6, 0}})).containsExactly(0, 1);
        assertThat(m.featureImportances()).containsExactly(new double[] {1, 0}, within(1e-12));
        assertThat(m.depth()).isEqualTo(1);
    }

    @Test
    void importancesWeightImpurityDecreaseByRowsReachingTheNode() {
        // x0 splits {0,0,1,1 | 2,2}... build labels so that the root uses x0 and a child uses x1
        double[][] x = {{0, 0}, {0, 1}, {0, 0}, {0, 1}, {1, 0}, {1, 0}, {1, 0}, {1, 0}};
        int[] y = {0, 1, 0, 1, 2, 2, 2, 2};
        DecisionTreeModel m = new DecisionTreeClassifier().fit(new ClassificationSet(x, y));
        // root gini = 1 - (1/16 + 1/16 + 1/4) = 0.625; after x0: left {0,1,0,1} gini 0.5, right pure
        // root decrease = 8*0.625 - 4*0.5 = 3; left node split on x1: 4*0.5 = 2 -> importances 3/5, 2/5
        assertThat(m.featureImportances()).containsExactly(new double[] {0.6, 0.4}, within(1e-12));
        assertThat(m.predictProba(new double[][] {{0, 1}})[0]).containsExactly(0, 1, 0);
    }

    @Test
    void entropyCriterionAndDepthLimit() {
        ClassificationSet xor = Synthetic.xor(400, 3);
        DecisionTreeModel full = new DecisionTreeClassifier()
                .withCriterion(DecisionTreeClassifier.Criterion.ENTROPY).fit(xor);
        assertThat(Synthetic.accuracy(xor.labels(), full.predict(xor.features()))).isEqualTo(1.0);
        DecisionTreeModel stump = new DecisionTreeClassifier().withParams(TreeParams.DEFAULT.withMaxDepth(1)).fit(xor);
        assertThat(stump.depth()).isEqualTo(1);
        assertThat(stump.leafCount()).isEqualTo(2);
        ClassificationSet test = Synthetic.xor(400, 4);
        assertThat(Synthetic.accuracy(test.labels(), full.predict(test.features()))).isGreaterThan(0.95);
    }

    @Test
    void minSamplesLeafHoldsInEveryLeaf() {
        ClassificationSet data = Synthetic.blobs(new double[][] {{0, 0}, {1, 1}}, 60, 1.0, 6);
        DecisionTreeModel m = new DecisionTreeClassifier().withParams(TreeParams.DEFAULT.withMinSamplesLeaf(7))
                .fit(data);
        int[] perLeaf = new int[m.nodeCount()];
        Tree t = treeOf(m);
        for (double[] row : data.features()) {
            perLeaf[t.leafOf(row)]++;
        }
        for (int node = 0; node < t.nodeCount(); node++) {
            if (t.feature[node] < 0) {
                assertThat(perLeaf[node]).isGreaterThanOrEqualTo(7);
            }
        }
    }

    @Test
    void regressionTreeFitsAStepFunctionAndLeafMeans() {
        double[][] x = new double[20][1];
        double[] y = new double[20];
        for (int i = 0; i < 20; i++) {
            x[i][0] = i;
            y[i] = i < 10 ? 1 : 4;
        }
        RegressionTreeModel m = new DecisionTreeRegressor().fit(new RegressionSet(x, y));
        assertThat(m.predict(new double[][] {{3}, {15}})).containsExactly(1, 4);
        assertThat(m.depth()).isEqualTo(1);
        assertThat(m.toText(new String[] {"x"})).contains("x <= 9.50").contains("value: [4.00]");
        // step at 3 with at least 6 rows per leaf: the best legal split is x <= 5.5, whose left leaf
        // holds three 1s and three 4s (mean 2.5)
        double[] y3 = new double[20];
        for (int i = 0; i < 20; i++) {
            y3[i] = i < 3 ? 1 : 4;
        }
        RegressionTreeModel limited = new DecisionTreeRegressor()
                .withParams(TreeParams.DEFAULT.withMaxDepth(1).withMinSamplesLeaf(6)).fit(new RegressionSet(x, y3));
        assertThat(limited.predict(new double[][] {{0}, {5}, {6}, {19}})).containsExactly(2.5, 2.5, 4, 4);
    }

    @Test
    void sameSeedSameTree() {
        Rng rng = new Rng(1);
        double[][] x = new double[100][4];
        int[] y = new int[100];
        for (int i = 0; i < 100; i++) {
            for (int j = 0; j < 4; j++) {
                x[i][j] = rng.nextInt(3); // many ties between features
            }
            y[i] = rng.nextInt(2);
        }
        ClassificationSet data = new ClassificationSet(x, y);
        DecisionTreeClassifier t = new DecisionTreeClassifier().withMaxFeatures(MaxFeatures.count(2)).withSeed(11);
        assertThat(t.fit(data).toText()).isEqualTo(t.fit(data).toText());
    }

    @Test
    void bootstrapRepeatsAreWeightsAndMinSamplesLeafCountsDistinctRows() {
        // rows 0,0,0,1,2,3,3 as a forest's bootstrap sample: scikit-learn fits sample_weight [3,1,1,2]
        // and with min_samples_leaf=2 cannot cut at 0.5 (one distinct row, though of weight 3); it cuts
        // at 1.5 with weighted counts 4 | 3 and left leaf [0.75, 0.25] (checked with scikit-learn 1.2.1)
        ClassificationSet data = new ClassificationSet(new double[][] {{0}, {1}, {2}, {3}}, new int[] {0, 1, 1, 1});
        Tree t = new DecisionTreeClassifier().withParams(TreeParams.DEFAULT.withMinSamplesLeaf(2))
                .grow(data, 2, new int[] {0, 0, 0, 1, 2, 3, 3}, new Rng(0)::nextInt);
        assertThat(t.threshold[0]).isEqualTo(1.5);
        assertThat(t.samples).containsExactly(7, 4, 3);
        assertThat(t.valueOf(new double[] {0})).containsExactly(0.75, 0.25);
    }

    private static Tree treeOf(DecisionTreeModel m) {
        try {
            var f = DecisionTreeModel.class.getDeclaredField("tree");
            f.setAccessible(true);
            return (Tree) f.get(m);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}

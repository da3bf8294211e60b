package dev.kiln.supervised.classic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.core.ml.ClassificationSet;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Kiln's CART is scikit-learn's BestSplitter: fed scikit-learn's random stream ({@link SklearnRandR})
 * it grows the very trees scikit-learn 1.2.1 grows. The expected trees are {@code export_text}
 * output of a real run:
 * <pre>
 * rs = np.random.RandomState(7); x = rs.randint(0, 3, size=(24, 5)).astype(float)
 * x[:, 2] = 1.0; x[:, 4] = x[:, 0]; y = ((x[:, 0] + x[:, 1] + rs.randint(0, 2, 24)) % 3).astype(int)
 * export_text(DecisionTreeClassifier(random_state=s, max_features=m, min_samples_leaf=l).fit(x, y), max_depth=50)
 * </pre>
 * (/usr/bin/python3, scikit-learn 1.2.1, numpy 1.24.2). Column 2 is constant and column 4 copies
 * column 0, so every split on column 0 ties with one on column 4 and only the feature order can
 * choose: the trees below pick one or the other node by node. The random-state values are
 * {@code np.random.RandomState(s).randint(0, 2**31 - 1)}, what scikit-learn's splitter starts from.
 */
class TreeSklearnParityTest {
    private static final double[][] X = {{0, 1, 1, 0, 0}, {2, 0, 1, 2, 2}, {2, 0, 1, 0, 2}, {0, 0, 1, 2, 0}, {0, 1, 1, 0, 0}, {0, 1, 1, 2, 0}, {1, 2, 1, 0, 1}, {1, 0, 1, 1, 1}, {0, 2, 1, 0, 0}, {0, 2, 1, 0, 0}, {0, 0, 1, 0, 0}, {1, 0, 1, 2, 1}, {1, 1, 1, 1, 1}, {2, 2, 1, 2, 2}, {0, 1, 1, 1, 0}, {2, 2, 1, 0, 2}, {0, 0, 1, 0, 0}, {2, 2, 1, 2, 2}, {0, 0, 1, 0, 0}, {2, 1, 1, 1, 2}, {1, 2, 1, 0, 1}, {1, 1, 1, 2, 1}, {0, 2, 1, 2, 0}, {2, 0, 1, 2, 2}};
    private static final int[] Y = {1, 0, 0, 0, 1, 2, 1, 2, 0, 2, 0, 2, 2, 1, 1, 2, 1, 2, 1, 1, 0, 0, 2, 0};

    private static final ClassificationSet DATA = new ClassificationSet(X, Y);

    private static String kilnTree(long sklearnState, MaxFeatures maxFeatures, int minSamplesLeaf) {
        return new DecisionTreeClassifier().withMaxFeatures(maxFeatures)
                .withParams(TreeParams.DEFAULT.withMinSamplesLeaf(minSamplesLeaf))
                .withStream(seed -> new SklearnRandR(sklearnState)).fit(DATA).toText();
    }

    @Test
    void allFeaturesSeed0GrowsScikitLearnsTree() {
        assertThat(kilnTree(209652396L, MaxFeatures.ALL, 1)).isEqualTo("""
                |--- feature_3 <= 1.50
                |   |--- feature_1 <= 1.50
                |   |   |--- feature_0 <= 0.50
                |   |   |   |--- feature_1 <= 0.50
                |   |   |   |   |--- class: 1
                |   |   |   |--- feature_1 >  0.50
                |   |   |   |   |--- class: 1
                |   |   |--- feature_0 >  0.50
                |   |   |   |--- feature_4 <= 1.50
                |   |   |   |   |--- class: 2
                |   |   |   |--- feature_4 >  1.50
                |   |   |   |   |--- feature_1 <= 0.50
                |   |   |   |   |   |--- class: 0
                |   |   |   |   |--- feature_1 >  0.50
                |   |   |   |   |   |--- class: 1
                |   |--- feature_1 >  1.50
                |   |   |--- feature_4 <= 1.50
                |   |   |   |--- feature_0 <= 0.50
                |   |   |   |   |--- class: 0
                |   |   |   |--- feature_0 >  0.50
                |   |   |   |   |--- class: 0
                |   |   |--- feature_4 >  1.50
                |   |   |   |--- class: 2
                |--- feature_3 >  1.50
                |   |--- feature_1 <= 1.50
                |   |   |--- feature_4 <= 1.50
                |   |   |   |--- feature_4 <= 0.50
                |   |   |   |   |--- feature_1 <= 0.50
                |   |   |   |   |   |--- class: 0
                |   |   |   |   |--- feature_1 >  0.50
                |   |   |   |   |   |--- class: 2
                |   |   |   |--- feature_4 >  0.50
                |   |   |   |   |--- feature_1 <= 0.50
                |   |   |   |   |   |--- class: 2
                |   |   |   |   |--- feature_1 >  0.50
                |   |   |   |   |   |--- class: 0
                |   |   |--- feature_4 >  1.50
                |   |   |   |--- class: 0
                |   |--- feature_1 >  1.50
                |   |   |--- feature_4 <= 1.00
                |   |   |   |--- class: 2
                |   |   |--- feature_4 >  1.00
                |   |   |   |--- class: 1
                """);
    }

    @Test
    void twoFeaturesPerSplitSeed5GrowsScikitLearnsTree() {
        // max_features=2: a draw of the constant column uses up budget, as in scikit-learn
        assertThat(kilnTree(953453411L, MaxFeatures.count(2), 1)).isEqualTo("""
                |--- feature_0 <= 0.50
                |   |--- feature_3 <= 1.50
                |   |   |--- feature_3 <= 0.50
                |   |   |   |--- feature_1 <= 1.50
                |   |   |   |   |--- feature_1 <= 0.50
                |   |   |   |   |   |--- class: 1
                |   |   |   |   |--- feature_1 >  0.50
                |   |   |   |   |   |--- class: 1
                |   |   |   |--- feature_1 >  1.50
                |   |   |   |   |--- class: 0
                |   |   |--- feature_3 >  0.50
                |   |   |   |--- class: 1
                |   |--- feature_3 >  1.50
                |   |   |--- feature_1 <= 0.50
                |   |   |   |--- class: 0
                |   |   |--- feature_1 >  0.50
                |   |   |   |--- class: 2
                |--- feature_0 >  0.50
                |   |--- feature_4 <= 1.50
                |   |   |--- feature_1 <= 0.50
                |   |   |   |--- class: 2
                |   |   |--- feature_1 >  0.50
                |   |   |   |--- feature_1 <= 1.50
                |   |   |   |   |--- feature_3 <= 1.50
                |   |   |   |   |   |--- class: 2
                |   |   |   |   |--- feature_3 >  1.50
                |   |   |   |   |   |--- class: 0
                |   |   |   |--- feature_1 >  1.50
                |   |   |   |   |--- class: 0
                |   |--- feature_4 >  1.50
                |   |   |--- feature_1 <= 0.50
                |   |   |   |--- class: 0
                |   |   |--- feature_1 >  0.50
                |   |   |   |--- feature_3 <= 0.50
                |   |   |   |   |--- class: 2
                |   |   |   |--- feature_3 >  0.50
                |   |   |   |   |--- feature_1 <= 1.50
                |   |   |   |   |   |--- class: 1
                |   |   |   |   |--- feature_1 >  1.50
                |   |   |   |   |   |--- class: 1
                """);
    }

    @Test
    void oneFeaturePerSplitWithMinLeafTwoSeed9GrowsScikitLearnsTree() {
        assertThat(kilnTree(44556670L, MaxFeatures.count(1), 2)).isEqualTo("""
                |--- feature_3 <= 1.50
                |   |--- feature_4 <= 0.50
                |   |   |--- class: 1
                |   |--- feature_4 >  0.50
                |   |   |--- feature_0 <= 1.50
                |   |   |   |--- feature_1 <= 1.50
                |   |   |   |   |--- class: 2
                |   |   |   |--- feature_1 >  1.50
                |   |   |   |   |--- class: 0
                |   |   |--- feature_0 >  1.50
                |   |   |   |--- class: 0
                |--- feature_3 >  1.50
                |   |--- feature_1 <= 1.50
                |   |   |--- feature_1 <= 0.50
                |   |   |   |--- feature_4 <= 1.50
                |   |   |   |   |--- class: 0
                |   |   |   |--- feature_4 >  1.50
                |   |   |   |   |--- class: 0
                |   |   |--- feature_1 >  0.50
                |   |   |   |--- class: 0
                |   |--- feature_1 >  1.50
                |   |   |--- class: 2
                """);
    }

    @Test
    void tiesBetweenIdenticalFeaturesFollowTheSeededOrderNotTheIndex() {
        // column 2 copies column 0, which alone separates the classes: the root split is a tie that
        // Kiln's Rng breaks differently across seeds, each seed always giving the same tree
        double[][] x = {{0, 3}, {1, 1}, {2, 2}, {3, 0}, {4, 5}, {5, 4}};
        int[] y = {0, 0, 0, 1, 1, 1};
        double[][] withCopy = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            withCopy[i] = new double[] {x[i][0], x[i][1], x[i][0]};
        }
        ClassificationSet data = new ClassificationSet(withCopy, y);
        Set<String> roots = new HashSet<>();
        for (long seed = 0; seed < 20; seed++) {
            DecisionTreeClassifier tree = new DecisionTreeClassifier().withSeed(seed);
            String text = tree.fit(data).toText();
            assertThat(tree.fit(data).toText()).isEqualTo(text);
            roots.add(text.substring(0, text.indexOf('\n')));
        }
        assertThat(roots).containsExactlyInAnyOrder("|--- feature_0 <= 2.50", "|--- feature_2 <= 2.50");
    }
}

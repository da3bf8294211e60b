package dev.kiln.supervised.classic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.core.ml.ClassificationSet;
import dev.kiln.core.ml.RegressionSet;
import dev.kiln.core.train.TrainingContext;
import dev.kiln.core.train.TrainingListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bad input gets an error naming the row, feature, label or parameter; listeners hear from trainers. */
class InputChecksTest {
    private static final ClassificationSet OK = new ClassificationSet(new double[][] {{0, 1}, {1, 0}, {2, 2}},
            new int[] {0, 1, 1});

    @Test
    void raggedRowsNegativeLabelsAndNonFiniteValuesAreNamed() {
        ClassificationSet ragged = new ClassificationSet(new double[][] {{0, 1}, {1}}, new int[] {0, 1});
        assertThatThrownBy(() -> new DecisionTreeClassifier().fit(ragged))
                .hasMessageContaining("row 1 has 1 features, row 0 has 2");
        ClassificationSet negative = new ClassificationSet(new double[][] {{0}, {1}}, new int[] {0, -1});
        assertThatThrownBy(() -> new LogisticRegression().fit(negative)).hasMessageContaining("label -1 at row 1");
        ClassificationSet inf = new ClassificationSet(new double[][] {{0}, {Double.POSITIVE_INFINITY}}, new int[] {0, 1});
        assertThatThrownBy(() -> new SvmClassifier().fit(inf)).hasMessageContaining("feature 0 of row 1 is Infinity");
        RegressionSet nanTarget = new RegressionSet(new double[][] {{0}, {1}}, new double[] {0, Double.NaN});
        assertThatThrownBy(() -> new Lasso().fit(nanTarget)).hasMessageContaining("target of row 1 is NaN");
        assertThatThrownBy(() -> new KNeighborsClassifier().fit(new ClassificationSet(new double[0][], new int[0])))
                .hasMessageContaining("no rows");
    }

    @Test
    void predictingWithTheWrongWidthIsAnError() {
        double[][] wide = {{1, 2, 3}};
        assertThatThrownBy(() -> new DecisionTreeClassifier().fit(OK).predict(wide)).hasMessageContaining("fitted on 2");
        assertThatThrownBy(() -> RandomForestClassifier.builder().trees(3).build().fit(OK).predictProba(wide))
                .hasMessageContaining("fitted on 2");
        assertThatThrownBy(() -> new LinearSvm().fit(OK).predict(wide)).hasMessageContaining("fitted on 2");
        assertThatThrownBy(() -> new KNeighborsClassifier(1).fit(OK).predict(wide)).hasMessageContaining("fitted on 2");
        assertThatThrownBy(() -> SvmClassifier.builder().probabilityFolds(0).build().fit(OK).predict(wide))
                .hasMessageContaining("fitted on 2");
    }

    @Test
    void hyperParametersAreChecked() {
        assertThatThrownBy(() -> LogisticRegression.builder().c(0).build()).hasMessageContaining("LogisticRegression.c: must be > 0");
        assertThatThrownBy(() -> RandomForestClassifier.builder().trees(0).build()).hasMessageContaining("RandomForestClassifier.trees: must be >= 1, got 0");
        assertThatThrownBy(() -> new Lasso(-1)).hasMessageContaining("Lasso.alpha: must be >= 0");
        assertThatThrownBy(() -> new DecisionTreeClassifier.Config(DecisionTreeClassifier.Criterion.GINI, null, 2, 1, "half", 0))
                .hasMessageContaining("maxFeatures must be all, sqrt, log2, a count or a fraction, got 'half'");
        assertThatThrownBy(() -> new TreeParams(0, 2, 1)).hasMessageContaining("maxDepth must be at least 1");
        assertThatThrownBy(() -> SvmClassifier.builder().probabilityFolds(1).build()).hasMessageContaining("probabilityFolds");
        assertThatThrownBy(() -> MaxFeatures.fraction(1.5)).hasMessageContaining("(0, 1]");
        assertThatThrownBy(() -> Kernel.rbf(-1)).hasMessageContaining("gamma must be positive");
        assertThatThrownBy(() -> new KNeighborsRegressor(0, KNeighbors.Weights.UNIFORM)).hasMessageContaining("KNeighborsRegressor.k: must be >= 1, got 0");
    }

    @Test
    void svmNeedsEveryClassPresent() {
        ClassificationSet gap = new ClassificationSet(new double[][] {{0}, {1}, {2}}, new int[] {0, 2, 2});
        assertThatThrownBy(() -> new SvmClassifier().fit(gap)).hasMessageContaining("class 1 has no rows");
    }

    @Test
    void svmProbabilitiesAreSeeded() {
        ClassificationSet xor = Synthetic.xor(120, 5);
        SvmClassifier svm = SvmClassifier.builder().seed(3).build();
        assertThat(svm.fit(xor).predictProba(xor.features())).isDeepEqualTo(svm.fit(xor).predictProba(xor.features()));
    }

    @Test
    void trainersReportToListeners() {
        List<String> events = new ArrayList<>();
        TrainingListener recorder = new TrainingListener() {
            @Override
            public void onTrainingStart(TrainingContext c) {
                events.add("start " + c.trainer());
            }

            @Override
            public void onEpochEnd(TrainingContext c, int epoch, Map<String, Double> metrics) {
                events.add("epoch " + metrics.keySet());
            }

            @Override
            public void onTrainingEnd(TrainingContext c) {
                events.add("end");
            }
        };
        RandomForestClassifier.builder().trees(5).oobScore(true).build().fit(Synthetic.xor(50, 1), recorder);
        assertThat(events).containsExactly("start RandomForestClassifier", "epoch [oob_accuracy]", "end");
        events.clear();
        LinearRegression.builder().solver(LinearRegression.Solver.SGD).epochs(3).build()
                .fit(new RegressionSet(new double[][] {{0}, {1}, {2}}, new double[] {0, 1, 2}), recorder);
        assertThat(events).containsExactly("start LinearRegression(SGD)", "epoch [loss]", "epoch [loss]",
                "epoch [loss]", "end");
    }
}

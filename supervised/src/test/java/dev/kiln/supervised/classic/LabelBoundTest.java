package dev.kiln.supervised.classic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.core.ml.ClassificationSet;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Huge labels are rejected by the shared check before any per-class array is sized from them
 * (issue 21: 1,000,000,000 ran a decision tree out of memory, Integer.MAX_VALUE overflowed k).
 */
class LabelBoundTest {
    private static ClassificationSet withLabel(int label) {
        return new ClassificationSet(new double[][] {{0, 1}, {1, 0}, {2, 2}}, new int[] {0, 1, label});
    }

    private static Stream<Named> classifiers() {
        return Stream.of(
                new Named("DecisionTreeClassifier", d -> new DecisionTreeClassifier().fit(d)),
                new Named("RandomForestClassifier", d -> RandomForestClassifier.builder().trees(2).build().fit(d)),
                new Named("LogisticRegression", d -> new LogisticRegression().fit(d)),
                new Named("LinearSvm", d -> new LinearSvm().fit(d)),
                new Named("SvmClassifier", d -> new SvmClassifier().fit(d)),
                new Named("KNeighborsClassifier", d -> new KNeighborsClassifier(1).fit(d)));
    }

    private record Named(String name, Consumer<ClassificationSet> fit) {
    }

    @TestFactory
    Stream<DynamicTest> hugeLabelsAreRejectedNamingTheLabelAndRow() {
        return classifiers().flatMap(c -> Stream.of(1_000_000_000, Integer.MAX_VALUE, Rows.MIN_LABEL_CAP)
                .map(label -> DynamicTest.dynamicTest(c.name() + " label " + label, () ->
                        assertThatThrownBy(() -> c.fit().accept(withLabel(label)))
                                .isInstanceOf(IllegalArgumentException.class)
                                .hasMessageContaining("label " + label + " at row 2")
                                .hasMessageContaining("too large"))));
    }

    @TestFactory
    Stream<DynamicTest> theLargestAllowedLabelStillTrains() {
        // below the cap, sparse label ids are legal: the tree and k-NN keep k = cap classes cheaply
        return Stream.of(new Named("DecisionTreeClassifier", d -> new DecisionTreeClassifier().fit(d)),
                        new Named("KNeighborsClassifier", d -> new KNeighborsClassifier(1).fit(d)))
                .map(c -> DynamicTest.dynamicTest(c.name(), () -> {
                    c.fit().accept(withLabel(Rows.MIN_LABEL_CAP - 1));
                    assertThat(Rows.checkClassification(withLabel(Rows.MIN_LABEL_CAP - 1), "t"))
                            .isEqualTo(Rows.MIN_LABEL_CAP);
                }));
    }
}

package dev.kiln.supervised;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.core.component.Components;
import dev.kiln.core.ml.ClassificationSet;
import dev.kiln.core.ml.Classifier;
import dev.kiln.core.ml.Learners;
import dev.kiln.supervised.classic.KNeighbors;
import dev.kiln.supervised.classic.KNeighborsClassifier;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SupervisedComponentsTest {
    @Test
    void learnersAreBuiltByNameFromAMapOfHyperParameters() {
        Components all = Components.discover();
        assertThat(all.names(Learners.CLASSIFIER)).contains("knn-classifier");
        assertThat(all.names(Learners.REGRESSOR)).contains("knn-regressor");
        var learner = (KNeighborsClassifier) all.create(Learners.CLASSIFIER, "knn-classifier",
                Map.of("k", 1, "weights", "DISTANCE"));
        assertThat(learner.config()).isEqualTo(new KNeighborsClassifier.Config(1, KNeighbors.Weights.DISTANCE));
        Classifier m = learner.fit(new ClassificationSet(new double[][] {{0}, {1}, {10}}, new int[] {0, 0, 1}));
        assertThat(m.predict(new double[][] {{9}})).containsExactly(1);
        assertThat(all.get(Learners.CLASSIFIER, "knn-classifier").describe())
                .extracting(f -> f.name()).containsExactly("k", "weights");
    }

    @Test
    void badValuesAndUnknownKeysNameTheField() {
        Components all = Components.discover();
        assertThatThrownBy(() -> all.create(Learners.CLASSIFIER, "knn-classifier", Map.of("k", 0)))
                .hasMessageContaining("k").hasMessageContaining("0");
        assertThatThrownBy(() -> all.create(Learners.CLASSIFIER, "knn-classifier", Map.of("neighbours", 3)))
                .hasMessageContaining("neighbours");
        assertThatThrownBy(() -> new KNeighborsClassifier.Config(3, null)).hasMessageContaining("weights");
    }
}

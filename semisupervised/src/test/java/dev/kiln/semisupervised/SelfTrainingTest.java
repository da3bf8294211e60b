package dev.kiln.semisupervised;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.core.component.Components;
import dev.kiln.core.ml.ClassificationSet;
import dev.kiln.core.ml.Classifier;
import dev.kiln.core.ml.Features;
import dev.kiln.core.train.Trainer;
import dev.kiln.supervised.classic.LogisticRegression;
import dev.kiln.supervised.classic.RandomForestClassifier;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SelfTrainingTest {
    /**
     * Two unit-variance blobs centred at x = 0 (class 0) and x = 4 (class 1), {@code n} each. The
     * one label per class sits on the outer edge (x = -3 and x = 5), so a classifier fitted on the
     * labels alone puts its boundary at x ≈ 1 instead of 2 and misclassifies class 0's right tail;
     * the unlabelled mass is what tells self-training where the gap is.
     */
    static ClassificationSet blobs(int n, long seed) {
        Random r = new Random(seed);
        double[][] x = new double[2 * n][];
        int[] y = new int[2 * n];
        for (int i = 0; i < 2 * n; i++) {
            y[i] = i % 2;
            x[i] = new double[] {4 * y[i] + r.nextGaussian(), r.nextGaussian()};
        }
        return new ClassificationSet(x, y);
    }

    static SemiSupervisedSet edgeLabelled(ClassificationSet data) {
        ClassificationSet labels = new ClassificationSet(new double[][] {{-3, 0}, {5, 0}}, new int[] {0, 1});
        return new SemiSupervisedSet(labels, data.inputs());
    }

    static double accuracy(Classifier m, ClassificationSet test) {
        int[] p = m.predict(test.inputs());
        int ok = 0;
        for (int i = 0; i < p.length; i++) {
            ok += p[i] == test.labels()[i] ? 1 : 0;
        }
        return ok / (double) p.length;
    }

    @Test
    void selfTrainingBeatsItsBaseWhenTheLabelsSitOnTheEdges() {
        SemiSupervisedSet train = edgeLabelled(blobs(300, 1));
        ClassificationSet test = blobs(1000, 2);
        LogisticRegression base = new LogisticRegression();
        double baseOnly = accuracy(base.fit(train.labelled()), test);

        SelfTrainingModel threshold = new SelfTrainingClassifier(base, SelfTrainingClassifier.Config.DEFAULTS.withThreshold(0.75))
                .fit(train);
        SelfTrainingModel kBest = new SelfTrainingClassifier(base,
                SelfTrainingClassifier.Config.DEFAULTS.withKBest(60).withMaxIter(null).withBalanceClasses(true)).fit(train);
        // unbalanced k-best adopts only the far class first and snowballs into one class: balancing is what makes k-best work here
        double t = accuracy(threshold, test);
        double k = accuracy(kBest, test);
        System.out.printf("base only %.4f, self-training threshold %.4f (%d rounds, %s), k-best %.4f (%d rounds, %s)%n",
                baseOnly, t, threshold.rounds(), threshold.termination(), k, kBest.rounds(), kBest.termination());
        assertThat(baseOnly).isLessThan(0.95);
        assertThat(t).isGreaterThan(baseOnly + 0.03);
        assertThat(k).isGreaterThan(baseOnly + 0.03);
        assertThat(kBest.termination()).isEqualTo(SelfTrainingClassifier.Termination.ALL_LABELLED);
    }

    @Test
    void thePseudoLabelRecordIsCompleteAndConsistent() {
        SemiSupervisedSet train = edgeLabelled(blobs(100, 3));
        SelfTrainingModel m = new SelfTrainingClassifier(new LogisticRegression(),
                SelfTrainingClassifier.Config.DEFAULTS.withThreshold(0.9).withMaxIter(3)).fit(train);
        int nl = train.labelledSize();
        int[] transduction = m.transduction();
        int[] iter = m.labelledIter();
        assertThat(transduction).hasSize(train.size());
        for (int i = 0; i < nl; i++) {
            assertThat(iter[i]).isZero();
            assertThat(transduction[i]).isEqualTo(train.labelled().labels()[i]);
        }
        int[] seen = new int[train.unlabelledSize()];
        int lastRound = 0;
        for (SelfTrainingModel.PseudoLabel p : m.pseudoLabels()) {
            seen[p.unlabelledIndex()]++;
            assertThat(transduction[nl + p.unlabelledIndex()]).isEqualTo(p.label());
            assertThat(iter[nl + p.unlabelledIndex()]).isEqualTo(p.round());
            assertThat(p.confidence()).isGreaterThan(0.9);
            assertThat(p.round()).isBetween(1, 3).isGreaterThanOrEqualTo(lastRound);
            lastRound = p.round();
        }
        int never = 0;
        for (int u = 0; u < seen.length; u++) {
            assertThat(seen[u]).as("entries for unlabelled row %d", u).isLessThanOrEqualTo(1);
            if (seen[u] == 0) {
                never++;
                assertThat(transduction[nl + u]).isEqualTo(-1);
                assertThat(iter[nl + u]).isEqualTo(-1);
            }
        }
        assertThat(m.pseudoLabels()).isNotEmpty();
        assertThat(m.pseudoLabels().size() + never).isEqualTo(train.unlabelledSize());
        assertThat(m.rounds()).isLessThanOrEqualTo(3);
    }

    @Test
    void balancingCapsEachRoundAtTheLeastChosenClass() {
        SemiSupervisedSet train = edgeLabelled(blobs(100, 4));
        SelfTrainingModel m = new SelfTrainingClassifier(new LogisticRegression(),
                SelfTrainingClassifier.Config.DEFAULTS.withThreshold(0.6).withMaxIter(1).withBalanceClasses(true)).fit(train);
        int[] perClass = new int[2];
        m.pseudoLabels().forEach(p -> perClass[p.label()]++);
        assertThat(perClass[0]).isPositive().isEqualTo(perClass[1]);
        SelfTrainingModel unbalanced = new SelfTrainingClassifier(new LogisticRegression(),
                SelfTrainingClassifier.Config.DEFAULTS.withThreshold(0.6).withMaxIter(1)).fit(train);
        assertThat(unbalanced.pseudoLabels().size()).isGreaterThan(m.pseudoLabels().size());
    }

    @Test
    void sameSeedSameResult() {
        SemiSupervisedSet train = edgeLabelled(blobs(150, 5));
        Trainer<ClassificationSet, ? extends Classifier> forest = RandomForestClassifier.builder().trees(15).seed(42).build();
        SelfTrainingClassifier.Config cfg = SelfTrainingClassifier.Config.DEFAULTS.withThreshold(0.8);
        SelfTrainingModel a = new SelfTrainingClassifier(forest, cfg).fit(train);
        SelfTrainingModel b = new SelfTrainingClassifier(forest, cfg).fit(train);
        assertThat(a.transduction()).containsExactly(b.transduction());
        assertThat(a.labelledIter()).containsExactly(b.labelledIter());
        assertThat(a.pseudoLabels()).isEqualTo(b.pseudoLabels());
        Features test = blobs(200, 6).inputs();
        assertThat(a.predictProba(test)).isDeepEqualTo(b.predictProba(test));
    }

    @Test
    void buildsFromTheRegistryWithABaseNamedInItsConfig() {
        Map<String, Object> values = new HashMap<>();
        values.put("base", "knn-classifier");
        values.put("baseParams", Map.of("k", 3));
        values.put("criterion", "K_BEST");
        values.put("kBest", 50);
        @SuppressWarnings("unchecked")
        Trainer<SemiSupervisedSet, ? extends Classifier> t = Components.discover().create(SemiSupervisedComponents.CLASSIFIER,
                "self-training", values);
        SelfTrainingModel m = (SelfTrainingModel) t.fit(edgeLabelled(blobs(100, 7)));
        assertThat(m.pseudoLabels()).hasSize(200);
        assertThat(m.numClasses()).isEqualTo(2);
    }

    @Test
    void badHyperParametersNameTheField() {
        var d = SelfTrainingClassifier.Config.DEFAULTS;
        assertThatThrownBy(() -> d.withThreshold(1.5)).hasMessage("SelfTrainingClassifier.threshold: must be >= 0 and < 1, got 1.5");
        assertThatThrownBy(() -> d.withKBest(0)).hasMessage("SelfTrainingClassifier.kBest: must be >= 1, got 0");
        assertThatThrownBy(() -> d.withMaxIter(-1)).hasMessage("SelfTrainingClassifier.maxIter: must be >= 0, got -1");
        assertThatThrownBy(() -> new SelfTrainingClassifier(d.withBase(null, Map.of())))
                .hasMessageContaining("SelfTrainingClassifier.base: must name a classifier learner");
        assertThatThrownBy(() -> new SelfTrainingClassifier(d.withBase("no-such", Map.of())))
                .hasMessageContaining("unknown classifier 'no-such'");
        assertThatThrownBy(() -> new SelfTrainingClassifier(d.withBase("knn-classifier", Map.of("k", 0))))
                .hasMessageContaining("KNeighborsClassifier.k: must be >= 1, got 0");
        assertThatThrownBy(() -> d.withBase("knn-classifier", null)).hasMessageContaining("SelfTrainingClassifier.baseParams");
    }
}

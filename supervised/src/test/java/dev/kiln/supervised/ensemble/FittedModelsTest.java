package dev.kiln.supervised.ensemble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.core.data.split.CrossValidation;
import dev.kiln.core.data.split.StratifiedKFold;
import dev.kiln.core.data.tabular.Pipeline;
import dev.kiln.core.data.tabular.StandardScaler;
import dev.kiln.core.ml.ClassificationSet;
import dev.kiln.core.ml.Classifier;
import dev.kiln.core.ml.Features;
import dev.kiln.core.nn.CrossEntropy;
import dev.kiln.core.tensor.Rng;
import dev.kiln.core.train.Trainer;
import dev.kiln.supervised.classic.DecisionTreeClassifier;
import dev.kiln.supervised.classic.KNeighborsClassifier;
import dev.kiln.supervised.classic.LogisticRegression;
import dev.kiln.supervised.classic.RandomForestClassifier;
import dev.kiln.supervised.classic.SvmClassifier;
import dev.kiln.supervised.nn.Sequential;
import dev.kiln.supervised.optim.Adam;
import dev.kiln.supervised.train.GradientTrainer;
import dev.kiln.supervised.train.NetworkClassifier;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * One cross-validation loop, one pipeline and one probability-based wrapper over every kind of
 * classifier: trees, forests, logistic regression, SVM, k-NN and a network.
 */
class FittedModelsTest {
    /** Three Gaussian blobs in 4-D, two of them close enough to overlap a little. */
    static ClassificationSet blobs(int perClass, long seed) {
        Random r = new Random(seed);
        double[][] centres = {{0, 0, 0, 0}, {3, 3, 0, 0}, {0, 3, 3, 1}};
        double[][] x = new double[3 * perClass][4];
        int[] y = new int[3 * perClass];
        for (int i = 0; i < x.length; i++) {
            y[i] = i % 3;
            for (int j = 0; j < 4; j++) {
                x[i][j] = centres[y[i]][j] + r.nextGaussian();
            }
        }
        return new ClassificationSet(x, y);
    }

    static Map<String, Trainer<ClassificationSet, ? extends Classifier>> learners() {
        Map<String, Trainer<ClassificationSet, ? extends Classifier>> m = new LinkedHashMap<>();
        m.put("tree", new DecisionTreeClassifier());
        m.put("forest", RandomForestClassifier.builder().trees(20).seed(1).build());
        m.put("logistic", new LogisticRegression());
        m.put("svm", SvmClassifier.builder().c(1).seed(2).build());
        m.put("knn", new KNeighborsClassifier(5));
        m.put("network", new NetworkClassifier<>(GradientTrainer.builder(
                        rng -> Sequential.builder(4).dense(16).relu().dense(3).build(rng))
                .loss(new CrossEntropy()).optimizer(net -> new Adam(net, 0.02)).epochs(30).batchSize(16).seed(3)
                .build()));
        return m;
    }

    @Test
    void crossValidationPipelineAndSoftVotingRunOverEveryClassifier() {
        ClassificationSet data = blobs(40, 7);
        var folds = StratifiedKFold.of(3).split(data.labels());
        for (var e : learners().entrySet()) {
            var pipeline = Pipeline.of(new StandardScaler()).classifier(e.getValue());
            double acc = CrossValidation.mean(CrossValidation.accuracy(pipeline, data, folds));
            assertThat(acc).as(e.getKey()).isGreaterThan(0.85);
            double[][] p = e.getValue().fit(data).predictProba(data.inputs());
            for (double[] row : p) {
                assertThat(row).as(e.getKey()).hasSize(3);
                assertThat(row[0] + row[1] + row[2]).as(e.getKey()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-6));
            }
        }
        var vote = new VotingClassifier(VotingClassifier.Voting.SOFT, List.copyOf(learners().values()));
        assertThat(CrossValidation.mean(CrossValidation.accuracy(vote, data, folds))).isGreaterThan(0.85);
    }

    @Test
    void softVotingIsTheWeightedMeanOfMemberProbabilities() {
        ClassificationSet data = blobs(20, 1);
        Features x = data.inputs();
        Classifier tree = new DecisionTreeClassifier().fit(data);
        Classifier knn = new KNeighborsClassifier(3).fit(data);
        double[][] pt = tree.predictProba(x);
        double[][] pk = knn.predictProba(x);
        var fitted = new VotingClassifier(VotingClassifier.Voting.SOFT,
                List.of(new DecisionTreeClassifier(), new KNeighborsClassifier(3)), new double[] {1, 3}).fit(data);
        double[][] p = fitted.predictProba(x);
        for (int i = 0; i < p.length; i++) {
            for (int c = 0; c < 3; c++) {
                assertThat(p[i][c]).isCloseTo((pt[i][c] + 3 * pk[i][c]) / 4, org.assertj.core.data.Offset.offset(1e-12));
            }
        }
        var hard = new VotingClassifier(VotingClassifier.Voting.HARD, List.of(new KNeighborsClassifier(3))).fit(data);
        assertThat(hard.predict(x)).containsExactly(knn.predict(x));
    }

    @Test
    void badVotingSetupsAndBadRowsAreNamed() {
        assertThatThrownBy(() -> new VotingClassifier(VotingClassifier.Voting.SOFT, List.of()))
                .hasMessageContaining("no member");
        assertThatThrownBy(() -> new VotingClassifier(VotingClassifier.Voting.SOFT,
                List.of(new DecisionTreeClassifier()), new double[] {-1}))
                .hasMessageContaining("weights[0]").hasMessageContaining("-1");
        assertThatThrownBy(() -> new VotingClassifier(VotingClassifier.Voting.SOFT,
                List.of(new DecisionTreeClassifier()), new double[] {0}))
                .hasMessageContaining("all zero");
        Classifier net = learners().get("network").fit(blobs(10, 2));
        assertThatThrownBy(() -> net.predict(new double[][] {{1, 2, Double.NaN, 4}}))
                .hasMessageContaining("feature 2 of row 0 is NaN");
        assertThatThrownBy(() -> net.predict(new double[][] {{1, 2}}))
                .hasMessageContaining("2 features").hasMessageContaining("fitted on 4");
    }

    @Test
    void networkClassifierIsDeterministicAndThreadSafe() throws Exception {
        ClassificationSet data = blobs(15, 4);
        var learner = learners().get("network");
        Classifier a = learner.fit(data);
        Classifier b = learner.fit(data);
        assertThat(b.predictProba(data.inputs())).isDeepEqualTo(a.predictProba(data.inputs()));
        double[][] sequential = a.predictProba(data.inputs());
        double[][][] parallel = new double[2][][];
        Thread[] threads = new Thread[2];
        for (int t = 0; t < 2; t++) {
            int id = t;
            threads[t] = new Thread(() -> parallel[id] = a.predictProba(data.inputs()));
            threads[t].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(parallel[0]).isDeepEqualTo(sequential);
        assertThat(parallel[1]).isDeepEqualTo(sequential);
    }
}

package dev.kiln.conformance.learner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.core.component.Component;
import dev.kiln.core.component.Components;
import dev.kiln.core.component.HyperParameters;
import dev.kiln.core.component.Kind;
import dev.kiln.core.io.SafeTensors;
import dev.kiln.core.ml.ClassificationSet;
import dev.kiln.core.ml.Classifier;
import dev.kiln.core.ml.Clusterer;
import dev.kiln.core.ml.Features;
import dev.kiln.core.ml.Learners;
import dev.kiln.core.ml.RegressionSet;
import dev.kiln.core.ml.Regressor;
import dev.kiln.core.model.Models;
import dev.kiln.core.train.Trainer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;

/**
 * The contract every registered learner keeps, run over the registry so a learner added to any
 * module is checked without writing a test for it (as scikit-learn's {@code check_estimator}).
 * Each module's test calls {@code @TestFactory List<DynamicNode> kit() { return
 * LearnerConformanceKit.classifiers(Components.discover()); }}.
 *
 * <p>Every learner, built from its defaults: its record survives the config-file round trip and
 * an unknown key is an error naming it; fitting is deterministic (same record, same data → same
 * bits) and leaves the caller's arrays alone; a fitted model rejects rows of the wrong width and
 * fitting rejects an empty dataset with an {@link IllegalArgumentException}. Classifiers also give
 * probability rows in [0, 1] that sum to 1 and separate three well-apart blobs (≥ 90% training
 * accuracy); regressors explain a noisy linear target (training R² ≥ 0.8); clusterers label every
 * row within {@code [-1, numClusters)}.
 */
public final class LearnerConformanceKit {
    private LearnerConformanceKit() {
    }

    /** One container per registered classifier learner. */
    public static List<DynamicNode> classifiers(Components registry) {
        return each(registry, Learners.CLASSIFIER, LearnerConformanceKit::classifierChecks);
    }

    public static List<DynamicNode> regressors(Components registry) {
        return each(registry, Learners.REGRESSOR, LearnerConformanceKit::regressorChecks);
    }

    /** {@code input} turns a feature matrix into what the module's clusterers train on (e.g. {@code Points::of}). */
    public static List<DynamicNode> clusterers(Components registry, Function<Features, ?> input) {
        return each(registry, Learners.CLUSTERER, c -> clustererChecks(c, input));
    }

    @SuppressWarnings("rawtypes")
    private static List<DynamicNode> each(Components registry, Kind<Trainer> kind,
                                          Function<Component<?, Trainer>, List<DynamicTest>> checks) {
        List<DynamicNode> out = new ArrayList<>();
        for (String name : registry.names(kind)) {
            out.add(DynamicContainer.dynamicContainer(kind.name() + "/" + name, checks.apply(registry.get(kind, name))));
        }
        assertThat(out).as("registered %s learners", kind.name()).isNotEmpty();
        return out;
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    public static List<DynamicTest> classifierChecks(Component<?, Trainer> c) {
        ClassificationSet data = blobs();
        List<DynamicTest> t = new ArrayList<>(recordChecks(c));
        t.add(DynamicTest.dynamicTest("separates three blobs with probabilities that sum to 1", () -> {
            Classifier m = (Classifier) fresh(c).fit(data);
            assertThat(m.numClasses()).isEqualTo(3);
            double[][] p = m.predictProba(data.inputs());
            assertThat(p).hasNumberOfRows(data.size());
            for (int i = 0; i < p.length; i++) {
                assertThat(p[i]).as("probabilities of row %d", i).hasSize(3);
                double sum = 0;
                for (double v : p[i]) {
                    assertThat(v).as("a probability of row %d", i).isBetween(0.0, 1.0);
                    sum += v;
                }
                assertThat(sum).as("probabilities of row %d sum", i).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-6));
            }
            int[] y = m.predict(data.inputs());
            assertThat(accuracy(y, data.labels())).as("training accuracy").isGreaterThanOrEqualTo(0.9);
        }));
        t.add(DynamicTest.dynamicTest("same record and data give the same bits", () -> {
            double[][] a = ((Classifier) fresh(c).fit(data)).predictProba(data.inputs());
            double[][] b = ((Classifier) fresh(c).fit(data)).predictProba(data.inputs());
            assertThat(Arrays.deepEquals(a, b)).as("two fits agree bit for bit").isTrue();
        }));
        t.add(DynamicTest.dynamicTest("fitting leaves the caller's arrays alone", () -> {
            // compared with freshly generated data: an earlier check may have fitted (and so changed) data
            ClassificationSet copy = blobs();
            fresh(c).fit(copy);
            assertThat(copy.features()).isDeepEqualTo(blobs().features());
            assertThat(copy.labels()).isEqualTo(blobs().labels());
        }));
        t.add(DynamicTest.dynamicTest("rejects rows of the wrong width", () -> {
            Classifier m = (Classifier) fresh(c).fit(data);
            assertThatThrownBy(() -> m.predict(new double[][] {{1, 2, 3}})).isInstanceOf(IllegalArgumentException.class);
        }));
        t.add(DynamicTest.dynamicTest("rejects an empty dataset", () -> assertThatThrownBy(
                () -> fresh(c).fit(new ClassificationSet(new double[0][], new int[0])))
                .isInstanceOf(IllegalArgumentException.class)));
        t.add(DynamicTest.dynamicTest("rejects a NaN feature, naming it", () -> assertThatThrownBy(
                () -> fresh(c).fit(new ClassificationSet(withNaN(data.features()), data.labels())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NaN")));
        t.add(DynamicTest.dynamicTest("a saved and loaded model predicts the same bits", () -> {
            Classifier m = (Classifier) fresh(c).fit(data);
            Classifier back = roundTrip(m, Classifier.class);
            assertThat(Arrays.deepEquals(back.predictProba(data.inputs()), m.predictProba(data.inputs()))).isTrue();
            assertThat(back.predict(data.inputs())).isEqualTo(m.predict(data.inputs()));
        }));
        t.add(DynamicTest.dynamicTest("predicting from two threads equals predicting in turn", () -> {
            Classifier m = (Classifier) fresh(c).fit(data);
            double[][] expected = m.predictProba(data.inputs());
            List<double[][]> got = inThreads(() -> m.predictProba(data.inputs()));
            for (double[][] g : got) {
                assertThat(Arrays.deepEquals(g, expected)).isTrue();
            }
        }));
        return t;
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    public static List<DynamicTest> regressorChecks(Component<?, Trainer> c) {
        RegressionSet data = linear();
        List<DynamicTest> t = new ArrayList<>(recordChecks(c));
        t.add(DynamicTest.dynamicTest("explains a noisy linear target", () -> {
            Regressor m = (Regressor) fresh(c).fit(data);
            double[] p = m.predict(data.inputs());
            assertThat(p).hasSize(data.size());
            assertThat(r2(data.targets(), p)).as("training R²").isGreaterThanOrEqualTo(0.8);
        }));
        t.add(DynamicTest.dynamicTest("same record and data give the same bits", () -> {
            double[] a = ((Regressor) fresh(c).fit(data)).predict(data.inputs());
            double[] b = ((Regressor) fresh(c).fit(data)).predict(data.inputs());
            assertThat(a).isEqualTo(b);
        }));
        t.add(DynamicTest.dynamicTest("fitting leaves the caller's arrays alone", () -> {
            RegressionSet copy = linear();
            fresh(c).fit(copy);
            assertThat(copy.features()).isDeepEqualTo(linear().features());
            assertThat(copy.targets()).isEqualTo(linear().targets());
        }));
        t.add(DynamicTest.dynamicTest("rejects rows of the wrong width", () -> {
            Regressor m = (Regressor) fresh(c).fit(data);
            assertThatThrownBy(() -> m.predict(Features.of(new double[][] {{1, 2, 3}})))
                    .isInstanceOf(IllegalArgumentException.class);
        }));
        t.add(DynamicTest.dynamicTest("rejects an empty dataset", () -> assertThatThrownBy(
                () -> fresh(c).fit(new RegressionSet(new double[0][], new double[0])))
                .isInstanceOf(IllegalArgumentException.class)));
        t.add(DynamicTest.dynamicTest("rejects a NaN feature, naming it", () -> assertThatThrownBy(
                () -> fresh(c).fit(new RegressionSet(withNaN(data.features()), data.targets())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NaN")));
        t.add(DynamicTest.dynamicTest("a saved and loaded model predicts the same bits", () -> {
            Regressor m = (Regressor) fresh(c).fit(data);
            assertThat(roundTrip(m, Regressor.class).predict(data.inputs())).isEqualTo(m.predict(data.inputs()));
        }));
        t.add(DynamicTest.dynamicTest("predicting from two threads equals predicting in turn", () -> {
            Regressor m = (Regressor) fresh(c).fit(data);
            double[] expected = m.predict(data.inputs());
            assertThat(inThreads(() -> m.predict(data.inputs()))).allSatisfy(g -> assertThat(g).isEqualTo(expected));
        }));
        return t;
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    public static List<DynamicTest> clustererChecks(Component<?, Trainer> c, Function<Features, ?> input) {
        Features x = blobs().inputs();
        List<DynamicTest> t = new ArrayList<>(recordChecks(c));
        t.add(DynamicTest.dynamicTest("labels every row within [-1, numClusters)", () -> {
            Clusterer m = (Clusterer) fresh(c).fit(input.apply(x));
            assertThat(m.numClusters()).isPositive();
            assertThat(m.labels()).hasSize(x.size());
            assertThat(Arrays.stream(m.labels()).boxed().toList()).allMatch(l -> l >= -1 && l < m.numClusters());
            int[] joined = m.predict(x);
            assertThat(joined).hasSize(x.size());
            assertThat(Arrays.stream(joined).boxed().toList()).allMatch(l -> l >= -1 && l < m.numClusters());
        }));
        t.add(DynamicTest.dynamicTest("same record and data give the same bits", () -> {
            Clusterer a = (Clusterer) fresh(c).fit(input.apply(x));
            Clusterer b = (Clusterer) fresh(c).fit(input.apply(x));
            assertThat(a.labels()).isEqualTo(b.labels());
            assertThat(a.predict(x)).isEqualTo(b.predict(x));
        }));
        t.add(DynamicTest.dynamicTest("rejects rows of the wrong width", () -> {
            Clusterer m = (Clusterer) fresh(c).fit(input.apply(x));
            assertThatThrownBy(() -> m.predict(Features.of(new double[][] {{1, 2, 3}})))
                    .isInstanceOf(IllegalArgumentException.class);
        }));
        t.add(DynamicTest.dynamicTest("a saved and loaded model gives the same labels", () -> {
            Clusterer m = (Clusterer) fresh(c).fit(input.apply(x));
            Clusterer back = roundTrip(m, Clusterer.class);
            assertThat(back.labels()).isEqualTo(m.labels());
            assertThat(back.predict(x)).isEqualTo(m.predict(x));
        }));
        t.add(DynamicTest.dynamicTest("predicting from two threads equals predicting in turn", () -> {
            Clusterer m = (Clusterer) fresh(c).fit(input.apply(x));
            int[] expected = m.predict(x);
            assertThat(inThreads(() -> m.predict(x))).allSatisfy(g -> assertThat(g).isEqualTo(expected));
        }));
        return t;
    }

    /** What every component keeps: its record round-trips through a plain map, and unknown keys are errors. */
    public static List<DynamicTest> recordChecks(Component<?, ?> c) {
        return List.of(
                DynamicTest.dynamicTest("its record survives the config-file round trip", () -> {
                    Map<String, Object> plain = HyperParameters.toMap(c.defaults());
                    assertThat(c.bind(plain)).isEqualTo(c.defaults());
                    assertThat(c.describe()).hasSize(c.configType().getRecordComponents().length);
                }),
                DynamicTest.dynamicTest("an unknown key is an error naming it", () -> assertThatThrownBy(
                        () -> c.create(Map.of("noSuchHyperParameter", 1)))
                        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("noSuchHyperParameter")));
    }

    /** Through the bytes of a model file and back. */
    static <T> T roundTrip(Object model, Class<T> type) throws Exception {
        var c = Models.encode(model, Map.of());
        byte[] bytes = SafeTensors.encodeArrays(c.arrays(), c.metadata());
        Object back = Models.decode(SafeTensors.decodeArrays(bytes, "round trip"), "round trip");
        assertThat(back).isInstanceOf(type).isNotSameAs(model);
        return type.cast(back);
    }

    /** Runs {@code task} on two threads at once, started together. */
    static <T> List<T> inThreads(java.util.concurrent.Callable<T> task) throws Exception {
        var start = new java.util.concurrent.CountDownLatch(1);
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(2)) {
            List<java.util.concurrent.Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> out = new ArrayList<>();
            for (var f : futures) {
                out.add(f.get());
            }
            return out;
        }
    }

    private static double[][] withNaN(double[][] x) {
        double[][] copy = Arrays.stream(x).map(double[]::clone).toArray(double[][]::new);
        copy[copy.length / 2][1] = Double.NaN;
        return copy;
    }

    @SuppressWarnings("rawtypes")
    private static Trainer fresh(Component<?, Trainer> c) {
        return c.create(Map.of());
    }

    /** Three well-apart Gaussian blobs, 20 rows each, 2 features; a fixed seed. */
    static ClassificationSet blobs() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(20261207);
        double[][] centres = {{0, 0}, {6, 0}, {0, 6}};
        double[][] x = new double[60][];
        int[] y = new int[60];
        for (int i = 0; i < 60; i++) {
            int k = i % 3;
            x[i] = new double[] {centres[k][0] + 0.5 * gauss(r), centres[k][1] + 0.5 * gauss(r)};
            y[i] = k;
        }
        return new ClassificationSet(x, y);
    }

    /** {@code y = 3 x0 - 2 x1 + 1 + noise(0.3)} over 80 rows with {@code x ~ U(-2, 2)}. */
    static RegressionSet linear() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(7);
        double[][] x = new double[80][];
        double[] y = new double[80];
        for (int i = 0; i < 80; i++) {
            x[i] = new double[] {r.nextDouble(-2, 2), r.nextDouble(-2, 2)};
            y[i] = 3 * x[i][0] - 2 * x[i][1] + 1 + 0.3 * gauss(r);
        }
        return new RegressionSet(x, y);
    }

    private static double gauss(java.util.SplittableRandom r) {
        double u = 1 - r.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    private static double accuracy(int[] predicted, int[] actual) {
        int ok = 0;
        for (int i = 0; i < actual.length; i++) {
            ok += predicted[i] == actual[i] ? 1 : 0;
        }
        return (double) ok / actual.length;
    }

    private static double r2(double[] y, double[] p) {
        double mean = Arrays.stream(y).average().orElse(0);
        double ss = 0;
        double res = 0;
        for (int i = 0; i < y.length; i++) {
            ss += (y[i] - mean) * (y[i] - mean);
            res += (y[i] - p[i]) * (y[i] - p[i]);
        }
        return 1 - res / ss;
    }
}

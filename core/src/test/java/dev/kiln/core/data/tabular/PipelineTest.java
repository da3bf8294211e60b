package dev.kiln.core.data.tabular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.core.data.split.CrossValidation;
import dev.kiln.core.data.split.StratifiedKFold;
import dev.kiln.core.metrics.ClassificationMetrics;
import dev.kiln.core.ml.ClassificationSet;
import dev.kiln.core.ml.RegressionSet;
import dev.kiln.core.ml.Regressor;
import dev.kiln.core.tensor.Rng;
import dev.kiln.core.train.Trainer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PipelineTest {
    /** Class decided by x0 (signal of size 1); x1 is noise a thousand times larger. */
    private static ClassificationSet scaledNoise(int n, long seed) {
        Rng rng = new Rng(seed);
        double[][] x = new double[n][2];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 2;
            x[i][0] = y[i] * 2 + rng.nextGaussian() * 0.3;
            x[i][1] = rng.nextGaussian() * 1000;
        }
        return new ClassificationSet(x, y);
    }

    @Test
    void scalingInsideThePipelineChangesWhatTheModelLearns() {
        ClassificationSet train = scaledNoise(400, 1);
        ClassificationSet test = scaledNoise(400, 2);
        NearestCentroid plain = new NearestCentroid();
        double raw = ClassificationMetrics.accuracy(test.labels(), plain.fit(train).predict(test.features()));
        PipelineClassifier scaled = Pipeline.of(new StandardScaler()).classifier(new NearestCentroid()).fit(train);
        double acc = ClassificationMetrics.accuracy(test.labels(), scaled.predict(test.features()));
        assertThat(raw).isLessThan(0.7);   // distances dominated by the noise column
        assertThat(acc).isGreaterThan(0.95);
        assertThat(scaled.numClasses()).isEqualTo(2);
        assertThat(scaled.predictProba(test.features())[0]).hasSize(2);
    }

    @Test
    void theModelSeesTrainingStatisticsOnly() {
        ClassificationSet all = scaledNoise(100, 3);
        int[] trainRows = new int[60];
        int[] testRows = new int[40];
        for (int i = 0; i < 100; i++) {
            if (i < 60) {
                trainRows[i] = i;
            } else {
                testRows[i - 60] = i;
            }
        }
        ClassificationSet train = subset(all, trainRows);
        NearestCentroid recorder = new NearestCentroid();
        PipelineClassifier model = Pipeline.of(new StandardScaler()).classifier(recorder).fit(train);
        double[][] seen = recorder.seen.get(0);
        // the model got standardised training rows: mean 0 and population std 1 per column
        for (int j = 0; j < 2; j++) {
            final int col = j;
            double mean = Arrays.stream(seen).mapToDouble(r -> r[col]).average().orElseThrow();
            double var = Arrays.stream(seen).mapToDouble(r -> (r[col] - mean) * (r[col] - mean)).average().orElseThrow();
            assertThat(mean).isCloseTo(0, within(1e-12));
            assertThat(var).isCloseTo(1, within(1e-12));
        }
        StandardScaler fitted = (StandardScaler) model.preprocessing().transformers().steps().get(0);
        double trainMean = Arrays.stream(train.features()).mapToDouble(r -> r[1]).average().orElseThrow();
        assertThat(fitted.mean("x1")).isEqualTo(trainMean);
        // predicting the held-out rows does not refit anything
        model.predict(subset(all, testRows).features());
        assertThat(fitted.mean("x1")).isEqualTo(trainMean);
        assertThat(recorder.seen).hasSize(1);
    }

    @Test
    void worksAsATrainerInCrossValidation() {
        ClassificationSet data = scaledNoise(200, 4);
        Trainer<ClassificationSet, PipelineClassifier> trainer =
                Pipeline.of(SimpleImputer.mean(), new StandardScaler()).classifier(new NearestCentroid());
        double[][] holed = HolePuncher.punch(data.features(), 0.1, 9);
        ClassificationSet withHoles = new ClassificationSet(holed, data.labels());
        double[] perFold = CrossValidation.accuracy(trainer, withHoles,
                StratifiedKFold.shuffled(5, 11).split(data.labels()));
        assertThat(perFold).hasSize(5);
        assertThat(CrossValidation.mean(perFold)).isGreaterThan(0.85);
        // without the imputer the first fold already fails, naming the remedy
        assertThatThrownBy(() -> CrossValidation.accuracy(Pipeline.of(new StandardScaler())
                .classifier(new NearestCentroid()), withHoles, StratifiedKFold.of(5).split(data.labels())))
                .hasMessageContaining("add a SimpleImputer step");
    }

    @Test
    void framesWithCategoricalColumnsAndStringLabels() {
        DataFrame train = DataFrame.of(
                new NumericColumn("height", new double[] {1.0, 1.2, 3.0, 3.2, 1.1, 2.9}),
                new CategoricalColumn("color", new String[] {"red", "red", "blue", "blue", null, "blue"}),
                new CategoricalColumn("kind", new String[] {"small", "small", "big", "big", "small", "big"}));
        PipelineClassifier m = Pipeline.of(SimpleImputer.mostFrequent(), new OneHotEncoder(), new StandardScaler())
                .classifier(new NearestCentroid()).fit(train, "kind");
        assertThat(m.classNames()).containsExactly("big", "small");
        assertThat(m.preprocessing().inputNames()).containsExactly("height", "color");
        DataFrame test = DataFrame.of(new NumericColumn("height", new double[] {1.05, 3.1}),
                new CategoricalColumn("color", new String[] {"red", "blue"}));
        assertThat(m.predictLabels(test)).containsExactly("small", "big");
        DataFrame unseen = test.with(new CategoricalColumn("color", new String[] {"green", "red"}));
        assertThatThrownBy(() -> m.predict(unseen)).isInstanceOf(UnknownCategoryException.class)
                .hasMessageContaining("'green'");
        assertThatThrownBy(() -> m.predict(new double[][] {{1, 2}})).hasMessageContaining("predict on a DataFrame");
        PipelineClassifier lenient = Pipeline.of(SimpleImputer.mostFrequent(),
                new OneHotEncoder(UnknownCategories.IGNORE)).classifier(new NearestCentroid()).fit(train, "kind");
        assertThat(lenient.predict(unseen)).hasSize(2);
    }

    @Test
    void clearErrorsForIncompleteChains() {
        DataFrame train = DataFrame.of(new NumericColumn("a", new double[] {1, Double.NaN, 3, 4}),
                new CategoricalColumn("c", new String[] {"p", "q", "p", "q"}),
                new NumericColumn("y", new double[] {0, 1, 0, 1}));
        assertThatThrownBy(() -> Pipeline.of(new StandardScaler()).classifier(new NearestCentroid()).fit(train, "y"))
                .hasMessageContaining("columns [c] are still categorical").hasMessageContaining("OneHotEncoder");
        assertThatThrownBy(() -> Pipeline.of(new OrdinalEncoder()).classifier(new NearestCentroid()).fit(train, "y"))
                .hasMessageContaining("column 'a' has a missing value at row 1").hasMessageContaining("SimpleImputer");
        assertThatThrownBy(() -> Pipeline.of(new StandardScaler()).transform(train))
                .isInstanceOf(NotFittedException.class).hasMessageContaining("Pipeline is not fitted");
        PipelineClassifier m = Pipeline.of().classifier(new NearestCentroid()).fit(
                new ClassificationSet(new double[][] {{0}, {1}}, new int[] {0, 1}));
        assertThatThrownBy(() -> m.predict(new double[][] {{0, 1}})).hasMessageContaining("row 0 has 2 values");
    }

    @Test
    void regressorPipelineImputesRowsAtPredictTime() {
        DataFrame train = DataFrame.of(new NumericColumn("x", new double[] {0, 10, Double.NaN, 20}),
                new NumericColumn("t", new double[] {1, 2, 3, 4}));
        PipelineRegressor m = Pipeline.of(SimpleImputer.mean()).regressor(new OneNearestNeighbour()).fit(train, "t");
        // mean of x is 10: a missing x is imputed to 10, whose nearest training row is x=10 (first such row, t=2)
        assertThat(m.predict(new double[][] {{Double.NaN}, {19}, {1}})).containsExactly(2, 4, 1);
        assertThat(m.predict(train.drop("t"))).containsExactly(1, 2, 2, 4);
        assertThatThrownBy(() -> Pipeline.of().regressor(new OneNearestNeighbour())
                .fit(train.with(new NumericColumn("t", new double[] {1, Double.NaN, 3, 4})), "t"))
                .hasMessageContaining("target 't' is missing at row 1");
    }

    /** 1-nearest-neighbour regression (first of equally near rows). */
    private static final class OneNearestNeighbour implements Trainer<RegressionSet, Regressor> {
        @Override
        public Regressor fit(RegressionSet data, dev.kiln.core.train.TrainingListener listener) {
            return input -> {
                double[][] features = input.rows();
                double[] out = new double[features.length];
                for (int i = 0; i < features.length; i++) {
                    double best = Double.POSITIVE_INFINITY;
                    for (int r = 0; r < data.size(); r++) {
                        double d = 0;
                        for (int j = 0; j < features[i].length; j++) {
                            d += Math.pow(features[i][j] - data.features()[r][j], 2);
                        }
                        if (d < best) {
                            best = d;
                            out[i] = data.targets()[r];
                        }
                    }
                }
                return out;
            };
        }
    }

    private static ClassificationSet subset(ClassificationSet s, int[] rows) {
        double[][] x = new double[rows.length][];
        int[] y = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            x[i] = s.features()[rows[i]];
            y[i] = s.labels()[rows[i]];
        }
        return new ClassificationSet(x, y);
    }
}

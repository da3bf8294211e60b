package dev.kiln.core.data.sets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The loaders on the real files (fetched by scripts/fetch-data.sh sklearn); skipped when they are absent. */
@Tag("slow")
class SklearnDatasetsTest {
    private static SklearnDatasets data;

    @BeforeEach // per test, so each one is reported as skipped with the reason
    void requireData() {
        data = SklearnDatasets.fromCache();
        Assumptions.assumeTrue(data.available(), () -> "scikit-learn datasets not in " + data.dir()
                + "; fetch them with: " + SklearnDatasets.FETCH_COMMAND);
    }

    @Test
    void iris() {
        ClassificationData iris = data.iris();
        assertThat(iris.size()).isEqualTo(150);
        assertThat(iris.features().names()).containsExactly("sepal length (cm)", "sepal width (cm)",
                "petal length (cm)", "petal width (cm)");
        assertThat(iris.classNames()).containsExactly("setosa", "versicolor", "virginica");
        assertThat(counts(iris.labels(), 3)).containsExactly(50, 50, 50);
        assertThat(iris.toClassificationSet().features()[0]).containsExactly(5.1, 3.5, 1.4, 0.2);
        // scikit-learn: iris.data.mean(axis=0) = [5.8433, 3.0573, 3.758, 1.1993]
        assertThat(mean(iris.features().numeric("petal length (cm)").values())).isCloseTo(3.758, within(1e-9));
    }

    @Test
    void wine() {
        ClassificationData wine = data.wine();
        assertThat(wine.size()).isEqualTo(178);
        assertThat(wine.features().columnCount()).isEqualTo(13);
        assertThat(wine.classNames()).containsExactly("class_0", "class_1", "class_2");
        assertThat(counts(wine.labels(), 3)).containsExactly(59, 71, 48);
        assertThat(wine.features().numeric("proline").get(0)).isEqualTo(1065);
    }

    @Test
    void breastCancer() {
        ClassificationData bc = data.breastCancer();
        assertThat(bc.size()).isEqualTo(569);
        assertThat(bc.features().columnCount()).isEqualTo(30);
        assertThat(bc.features().names().get(0)).isEqualTo("mean radius");
        assertThat(bc.features().names().get(29)).isEqualTo("worst fractal dimension");
        assertThat(bc.classNames()).containsExactly("malignant", "benign");
        assertThat(counts(bc.labels(), 2)).containsExactly(212, 357);
        assertThat(bc.features().numeric("mean radius").get(0)).isEqualTo(17.99);
    }

    @Test
    void digits() {
        ClassificationData digits = data.digits();
        assertThat(digits.size()).isEqualTo(1797);
        assertThat(digits.features().columnCount()).isEqualTo(64);
        assertThat(digits.features().names().get(9)).isEqualTo("pixel_1_1");
        assertThat(counts(digits.labels(), 10)).containsExactly(178, 182, 177, 183, 181, 182, 181, 179, 174, 180);
        double max = Arrays.stream(digits.toClassificationSet().features()).flatMapToDouble(Arrays::stream).max()
                .orElseThrow();
        assertThat(max).isEqualTo(16);
    }

    @Test
    void diabetes() {
        RegressionData raw = data.diabetes();
        assertThat(raw.size()).isEqualTo(442);
        assertThat(raw.features().names()).containsExactly("age", "sex", "bmi", "bp", "s1", "s2", "s3", "s4", "s5",
                "s6");
        assertThat(raw.toRegressionSet().features()[0]).containsExactly(59, 2, 32.1, 101, 157, 93.2, 38, 4, 4.8598,
                87);
        assertThat(raw.targets()[0]).isEqualTo(151);
        assertThat(mean(raw.targets())).isCloseTo(152.13348416289594, within(1e-9));
        // scikit-learn's load_diabetes() (scaled): data[0, 0] = 0.0380759064334241
        RegressionData scaled = data.diabetesScaled();
        assertThat(scaled.features().numeric("age").get(0)).isCloseTo(0.0380759064334241, within(1e-12));
    }

    private static int[] counts(int[] labels, int k) {
        int[] c = new int[k];
        for (int y : labels) {
            c[y]++;
        }
        return c;
    }

    private static double mean(double[] v) {
        return Arrays.stream(v).average().orElseThrow();
    }
}

package dev.kiln.core.data.tabular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ImputerTest {
    private static final double NAN = Double.NaN;
    private final DataFrame train = DataFrame.of(
            new NumericColumn("a", new double[] {1, NAN, 2, 9, 2}),
            new NumericColumn("b", new double[] {4, 3, NAN, 1, NAN}),
            new CategoricalColumn("c", new String[] {"y", "x", null, "y", "x"}));
    private final DataFrame test = DataFrame.of(
            new NumericColumn("a", new double[] {NAN, 5}),
            new NumericColumn("b", new double[] {NAN, NAN}),
            new CategoricalColumn("c", new String[] {null, "z"}));

    @Test
    void mean() {
        SimpleImputer m = SimpleImputer.mean().fit(train);
        assertThat(m.fillValue("a")).isEqualTo(3.5);          // (1+2+9+2)/4
        assertThat(m.fillValue("b")).isEqualTo(8.0 / 3);      // (4+3+1)/3
        DataFrame t = m.transform(test);
        assertThat(t.numeric("a").values()).containsExactly(3.5, 5);
        assertThat(t.numeric("b").values()).containsExactly(8.0 / 3, 8.0 / 3);
        assertThat(t.categorical("c").values()).containsExactly(null, "z"); // mean leaves categorical alone
    }

    @Test
    void median() {
        SimpleImputer m = SimpleImputer.median().fit(train);
        assertThat(m.fillValue("a")).isEqualTo(2.0);   // 1 2 2 9 -> (2+2)/2
        assertThat(m.fillValue("b")).isEqualTo(3.0);   // 1 3 4
        assertThat(SimpleImputer.median().fit(DataFrame.of(new NumericColumn("e", new double[] {1, 10, NAN, 4, 3})))
                .fillValue("e")).isEqualTo(3.5);        // 1 3 4 10 -> (3+4)/2
    }

    @Test
    void mostFrequentTiesGoToTheSmallest() {
        SimpleImputer m = SimpleImputer.mostFrequent().fit(train);
        assertThat(m.fillValue("a")).isEqualTo(2.0);   // 2 appears twice
        assertThat(m.fillValue("b")).isEqualTo(1.0);   // 4, 3, 1 once each -> smallest
        assertThat(m.fillValue("c")).isEqualTo("x");   // x and y twice each -> "x"
        DataFrame t = m.transform(test);
        assertThat(t.categorical("c").values()).containsExactly("x", "z");
        assertThat(t.missingCount()).isZero();
    }

    @Test
    void constant() {
        DataFrame t = SimpleImputer.constant(-1).fit(train).transform(test);
        assertThat(t.numeric("a").values()).containsExactly(-1, 5);
        assertThat(t.categorical("c").values()).containsExactly(null, "z");
        DataFrame u = SimpleImputer.constant("missing").fit(train).transform(test);
        assertThat(u.categorical("c").values()).containsExactly("missing", "z");
        assertThat(u.numeric("a").get(0)).isNaN();
    }

    @Test
    void columnsRestrictAndErrorsNameTheColumn() {
        DataFrame t = SimpleImputer.mean().columns("b").fit(train).transform(test);
        assertThat(t.numeric("a").get(0)).isNaN();
        assertThat(t.numeric("b").get(0)).isEqualTo(8.0 / 3);
        assertThatThrownBy(() -> SimpleImputer.mean().columns("c").fit(train))
                .hasMessage("SimpleImputer: column 'c' is categorical; this step works on numeric columns");
        assertThatThrownBy(() -> SimpleImputer.median().transform(test)).isInstanceOf(NotFittedException.class)
                .hasMessageContaining("SimpleImputer(MEDIAN) is not fitted");
        DataFrame empty = DataFrame.of(new CategoricalColumn("e", new String[] {null, null}));
        assertThatThrownBy(() -> SimpleImputer.mostFrequent().fit(empty)).hasMessageContaining("'e' has no values");
    }

    @Test
    void fillsWithTrainingStatisticsOnly() {
        // the test column's own mean (5) must not be used: the training mean is 3.5
        SimpleImputer m = SimpleImputer.mean().columns("a").fit(train);
        DataFrame t = m.transform(DataFrame.of(new NumericColumn("a", new double[] {NAN, 5, 5, 5})));
        assertThat(t.numeric("a").get(0)).isEqualTo(3.5);
    }
}

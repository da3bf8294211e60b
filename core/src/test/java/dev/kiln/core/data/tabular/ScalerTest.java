package dev.kiln.core.data.tabular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ScalerTest {
    private static final double NAN = Double.NaN;
    private final DataFrame train = DataFrame.of(
            new NumericColumn("a", new double[] {1, 2, 3, 6}),
            new NumericColumn("b", new double[] {1, NAN, 3, NAN}),
            new NumericColumn("k", new double[] {5, 5, 5, 5}),
            new CategoricalColumn("s", new String[] {"p", "q", "p", "q"}));
    private final DataFrame test = DataFrame.of(
            new NumericColumn("a", new double[] {3, 10}),
            new NumericColumn("b", new double[] {NAN, 0}),
            new NumericColumn("k", new double[] {7, 5}),
            new CategoricalColumn("s", new String[] {"z", "p"}));

    @Test
    void standardScalerUsesTrainingMeanAndPopulationStd() {
        StandardScaler s = new StandardScaler().fit(train);
        // a: mean 3, population variance (4+1+0+9)/4 = 3.5; b: NaN ignored -> mean 2, std 1; k: constant -> scale 1
        assertThat(s.mean("a")).isEqualTo(3);
        assertThat(s.scale("a")).isCloseTo(Math.sqrt(3.5), within(1e-15));
        DataFrame t = s.transform(test);
        assertThat(t.numeric("a").values()).containsExactly(new double[] {0, 7 / Math.sqrt(3.5)}, within(1e-12));
        assertThat(t.numeric("b").values()).containsExactly(NAN, -2);
        assertThat(t.numeric("k").values()).containsExactly(2, 0);
        assertThat(t.categorical("s").values()).containsExactly("z", "p"); // untouched
        DataFrame self = s.transform(train);
        assertThat(self.numeric("a").values()).containsExactly(new double[] {-2 / Math.sqrt(3.5), -1 / Math.sqrt(3.5),
                0, 3 / Math.sqrt(3.5)}, within(1e-12));
    }

    @Test
    void fitLeavesTheOriginalUnfittedAndReusable() {
        StandardScaler unfitted = new StandardScaler("a");
        StandardScaler fitted = unfitted.fit(train);
        assertThat(unfitted.isFitted()).isFalse();
        assertThat(fitted.isFitted()).isTrue();
        assertThatThrownBy(() -> unfitted.transform(test)).isInstanceOf(NotFittedException.class)
                .hasMessageContaining("StandardScaler is not fitted");
        assertThat(fitted.transform(test).numeric("k").values()).containsExactly(7, 5); // only "a" scaled
        assertThat(unfitted.fit(test).mean("a")).isEqualTo(6.5); // the same configuration fits other data
    }

    @Test
    void nothingLeaksFromTheDataBeingTransformed() {
        StandardScaler s = new StandardScaler("a").fit(train);
        DataFrame shifted = test.with(new NumericColumn("a", new double[] {1003, 1010}));
        // transforming other data never changes what was learnt
        s.transform(shifted);
        assertThat(s.mean("a")).isEqualTo(3);
        assertThat(s.transform(test).numeric("a").get(0)).isEqualTo(0);
    }

    @Test
    void minMaxScalerMapsTrainingRange() {
        MinMaxScaler m = new MinMaxScaler().fit(train);
        DataFrame t = m.transform(train);
        assertThat(t.numeric("a").values()).containsExactly(new double[] {0, 0.2, 0.4, 1}, within(1e-12));
        assertThat(t.numeric("b").values()).containsExactly(0, NAN, 1, NAN);
        assertThat(t.numeric("k").values()).containsExactly(0, 0, 0, 0);
        DataFrame u = m.transform(test);
        assertThat(u.numeric("a").values()).containsExactly(new double[] {0.4, 1.8}, within(1e-12));
        assertThat(u.numeric("k").values()).containsExactly(new double[] {2, 0}, within(1e-12));
        DataFrame r = MinMaxScaler.range(-1, 1, "a").fit(train).transform(test);
        assertThat(r.numeric("a").values()).containsExactly(new double[] {-0.2, 2.6}, within(1e-12));
    }

    @Test
    void errorsNameTheColumn() {
        assertThatThrownBy(() -> new StandardScaler("s").fit(train))
                .hasMessage("StandardScaler: column 's' is categorical; this step works on numeric columns");
        DataFrame allMissing = DataFrame.of(new NumericColumn("m", new double[] {NAN, NAN}));
        assertThatThrownBy(() -> new MinMaxScaler().fit(allMissing)).hasMessageContaining("'m' has no values");
        StandardScaler s = new StandardScaler().fit(train);
        assertThatThrownBy(() -> s.transform(test.drop("b"))).hasMessageContaining("no column 'b'");
        assertThatThrownBy(() -> MinMaxScaler.range(1, 1)).hasMessageContaining("low < high");
        assertThatThrownBy(() -> new MinMaxScaler().transform(test)).isInstanceOf(NotFittedException.class);
    }
}

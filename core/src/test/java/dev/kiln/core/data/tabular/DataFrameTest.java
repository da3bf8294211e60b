package dev.kiln.core.data.tabular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.core.ml.ClassificationSet;
import dev.kiln.core.ml.RegressionSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class DataFrameTest {
    private final DataFrame df = DataFrame.of(
            new NumericColumn("a", new double[] {1, 2, Double.NaN, 4}),
            new CategoricalColumn("c", new String[] {"x", null, "y", "x"}),
            new NumericColumn("y", new double[] {0, 1, 1, 2}));

    @Test
    void selectsRowsAndColumns() {
        DataFrame r = df.rows(new int[] {3, 0, 0});
        assertThat(r.rowCount()).isEqualTo(3);
        assertThat(r.numeric("a").values()).containsExactly(4, 1, 1);
        assertThat(r.categorical("c").values()).containsExactly("x", "x", "x");
        assertThat(df.select("y", "a").names()).containsExactly("y", "a");
        assertThat(df.drop("c").names()).containsExactly("a", "y");
        assertThat(df.names(ColumnType.NUMERIC)).containsExactly("a", "y");
        assertThat(df.missingCount()).isEqualTo(2);
    }

    @Test
    void isImmutable() {
        double[] values = {1, 2};
        NumericColumn c = new NumericColumn("v", values);
        values[0] = 99;
        assertThat(c.get(0)).isEqualTo(1);
        c.values()[1] = 99;
        assertThat(c.get(1)).isEqualTo(2);
    }

    @Test
    void withAddsOrReplacesInPlace() {
        DataFrame w = df.with(new NumericColumn("c", new double[] {9, 9, 9, 9}));
        assertThat(w.names()).containsExactly("a", "c", "y");
        assertThat(w.column("c").type()).isEqualTo(ColumnType.NUMERIC);
        assertThat(df.with(new NumericColumn("z", new double[4])).names()).containsExactly("a", "c", "y", "z");
        assertThat(DataFrame.empty(2).with(new NumericColumn("q", new double[] {1, 2})).rowCount()).isEqualTo(2);
    }

    @Test
    void convertsToModelInputs() {
        ClassificationSet set = df.drop("c").with(new NumericColumn("a", new double[] {1, 2, 3, 4}))
                .toClassificationSet("y");
        assertThat(set.labels()).containsExactly(0, 1, 1, 2);
        assertThat(set.features()).isDeepEqualTo(new double[][] {{1}, {2}, {3}, {4}});
        RegressionSet reg = df.drop("c").toRegressionSet("y");
        assertThat(reg.targets()).containsExactly(0, 1, 1, 2);
        assertThat(reg.features()[2][0]).isNaN();
        DataFrame back = DataFrame.ofRows(new double[][] {{1, 2}, {3, 4}});
        assertThat(back.names()).containsExactly("x0", "x1");
        assertThat(back.toFeatures()).isDeepEqualTo(new double[][] {{1, 2}, {3, 4}});
    }

    @Test
    void badInputsAreNamed() {
        assertThatThrownBy(() -> df.column("nope")).hasMessage("DataFrame: no column 'nope'; columns are [a, c, y]");
        assertThatThrownBy(df::toFeatures).hasMessageContaining("columns [c] are categorical");
        assertThatThrownBy(() -> df.labels("a")).hasMessageContaining("row 2 holds NA");
        assertThatThrownBy(() -> df.labels("c")).hasMessageContaining("LabelEncoder");
        assertThatThrownBy(() -> DataFrame.of(new NumericColumn("a", new double[2]), new NumericColumn("b",
                new double[3]))).hasMessageContaining("'b' has 3 rows but the frame has 2");
        assertThatThrownBy(() -> DataFrame.of(new NumericColumn("a", new double[2]), new NumericColumn("a",
                new double[2]))).hasMessageContaining("duplicate column name 'a'");
        assertThatThrownBy(() -> df.rows(new int[] {4})).hasMessageContaining("row 4 outside [0, 4)");
    }

    @Test
    void printsAHead() {
        assertThat(df.head(2)).isEqualTo("a   c  y\n1   x  0\n2  NA  1\n");
        assertThat(df.toString()).isEqualTo("DataFrame[4 rows x 3 columns [a, c, y]]");
        assertThat(List.of(df.numeric("a").format(2), new NumericColumn("f", new double[] {0.5}).format(0)))
                .containsExactly("NA", "0.5");
    }
}

package dev.kiln.core.data.tabular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EncoderTest {
    private final DataFrame train = DataFrame.of(
            new NumericColumn("n", new double[] {1, 2, 3}),
            new CategoricalColumn("color", new String[] {"red", "blue", "red"}),
            new CategoricalColumn("size", new String[] {"S", "M", null}));
    private final DataFrame test = DataFrame.of(
            new NumericColumn("n", new double[] {4, 5}),
            new CategoricalColumn("color", new String[] {"blue", "green"}),
            new CategoricalColumn("size", new String[] {"M", "S"}));

    @Test
    void oneHotExpandsInPlaceInSortedCategoryOrder() {
        OneHotEncoder e = new OneHotEncoder().fit(train);
        assertThat(e.categories("color")).containsExactly("blue", "red");
        assertThat(e.categories("size")).containsExactly("M", "S");
        DataFrame t = e.transform(train.rows(new int[] {0, 1}));
        assertThat(t.names()).containsExactly("n", "color=blue", "color=red", "size=M", "size=S");
        assertThat(t.toFeatures()).isDeepEqualTo(new double[][] {{1, 0, 1, 0, 1}, {2, 1, 0, 1, 0}});
    }

    @Test
    void oneHotUnknownCategoryIsAnErrorOrZeros() {
        OneHotEncoder strict = new OneHotEncoder().fit(train);
        assertThatThrownBy(() -> strict.transform(test)).isInstanceOf(UnknownCategoryException.class)
                .hasMessageContaining("OneHotEncoder: column 'color' row 1 holds 'green', a category not seen during fit"
                        + " (known: blue, red)");
        assertThatThrownBy(() -> strict.transform(train)).isInstanceOf(UnknownCategoryException.class)
                .hasMessageContaining("column 'size' row 2 holds a missing value");
        OneHotEncoder lenient = new OneHotEncoder(UnknownCategories.IGNORE).fit(train);
        assertThat(lenient.transform(test).toFeatures()).isDeepEqualTo(new double[][] {{4, 1, 0, 1, 0},
                {5, 0, 0, 0, 1}});
    }

    @Test
    void ordinalCodesSortedCategories() {
        OrdinalEncoder e = new OrdinalEncoder().fit(train);
        DataFrame t = e.transform(train);
        assertThat(t.numeric("color").values()).containsExactly(1, 0, 1);
        assertThat(t.numeric("size").values()).containsExactly(1, 0, Double.NaN);
        assertThatThrownBy(() -> e.transform(test)).isInstanceOf(UnknownCategoryException.class)
                .hasMessageContaining("'green'");
        DataFrame u = new OrdinalEncoder(UnknownCategories.IGNORE, "color").fit(train).transform(test);
        assertThat(u.numeric("color").values()).containsExactly(0, Double.NaN);
        assertThat(u.column("size").type()).isEqualTo(ColumnType.CATEGORICAL);
    }

    @Test
    void encodersRefuseNumericColumnsAndUseBeforeFit() {
        assertThatThrownBy(() -> new OneHotEncoder(UnknownCategories.ERROR, "n").fit(train))
                .hasMessageContaining("column 'n' is numeric");
        assertThatThrownBy(() -> new OneHotEncoder().transform(test)).isInstanceOf(NotFittedException.class)
                .hasMessageContaining("OneHotEncoder is not fitted");
        assertThatThrownBy(() -> new OrdinalEncoder().transform(test)).isInstanceOf(NotFittedException.class);
    }

    @Test
    void labelEncoderMapsStringsAndNumbers() {
        LabelEncoder s = new LabelEncoder().fit(new String[] {"setosa", "virginica", "setosa", "versicolor"});
        assertThat(s.classes()).containsExactly("setosa", "versicolor", "virginica");
        assertThat(s.encode(new String[] {"virginica", "setosa"})).containsExactly(2, 0);
        assertThat(s.decode(new int[] {1, 2})).containsExactly("versicolor", "virginica");
        assertThatThrownBy(() -> s.encode(new String[] {"rose"})).hasMessageContaining("row 0 holds label 'rose'");
        assertThatThrownBy(() -> s.decode(new int[] {3})).hasMessageContaining("outside [0, 3)");

        LabelEncoder n = new LabelEncoder().fit(new NumericColumn("y", new double[] {3, 1, 2, 10}));
        assertThat(n.classes()).containsExactly("1", "2", "3", "10"); // numeric order, not string order
        assertThat(n.encode(new NumericColumn("y", new double[] {10, 1}))).containsExactly(3, 0);
        assertThatThrownBy(() -> new LabelEncoder().fit(new NumericColumn("y", new double[] {1, Double.NaN})))
                .hasMessageContaining("missing at row 1");
        assertThatThrownBy(() -> new LabelEncoder().classes()).isInstanceOf(NotFittedException.class);
    }

    @Test
    void rowCleanerDropsMissingInfiniteAndInvalidRows() {
        DataFrame raw = DataFrame.of(
                new NumericColumn("age", new double[] {30, -1, Double.NaN, 40, Double.POSITIVE_INFINITY, 50}),
                new CategoricalColumn("city", new String[] {"a", "b", "c", null, "e", "f"}));
        assertThat(RowCleaner.dropMissing().keptRows(raw)).containsExactly(0, 1, 4, 5);
        assertThat(RowCleaner.dropMissing().columns("age").keptRows(raw)).containsExactly(0, 1, 3, 4, 5);
        assertThat(RowCleaner.dropMissing().dropNonFinite().keptRows(raw)).containsExactly(0, 1, 5);
        DataFrame clean = RowCleaner.dropMissing().dropNonFinite().require("age", a -> a >= 0, "age >= 0").clean(raw);
        assertThat(clean.numeric("age").values()).containsExactly(30, 50);
        assertThat(clean.categorical("city").values()).containsExactly("a", "f");
        assertThatThrownBy(() -> RowCleaner.dropMissing().require("city", c -> true, "x").keptRows(raw))
                .hasMessageContaining("column 'city' is categorical");
    }
}

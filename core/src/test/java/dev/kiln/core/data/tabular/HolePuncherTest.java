package dev.kiln.core.data.tabular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class HolePuncherTest {
    @Test
    void punchesExactlyTheFractionDeterministically() {
        double[][] x = new double[200][5];
        for (double[] row : x) {
            Arrays.fill(row, 1);
        }
        double[][] holed = HolePuncher.punch(x, 0.1, 42);
        assertThat(count(holed)).isEqualTo(100);
        assertThat(x[0][0]).isEqualTo(1); // input untouched
        assertThat(mask(HolePuncher.punch(x, 0.1, 42))).isDeepEqualTo(mask(holed));
        assertThat(Arrays.deepEquals(mask(HolePuncher.punch(x, 0.1, 43)), mask(holed))).isFalse();
        // uniform over cells: every column gets a share near 20 (binomial-ish spread, loose bound)
        for (int j = 0; j < 5; j++) {
            int inColumn = 0;
            for (double[] row : holed) {
                inColumn += Double.isNaN(row[j]) ? 1 : 0;
            }
            assertThat(inColumn).isBetween(5, 40);
        }
        assertThat(count(HolePuncher.punch(x, 0, 1))).isZero();
        assertThat(count(HolePuncher.punch(x, 1, 1))).isEqualTo(1000);
    }

    @Test
    void framesKeepTheLabelColumn() {
        DataFrame df = DataFrame.of(new NumericColumn("a", new double[] {1, 2, 3, 4}),
                new CategoricalColumn("s", new String[] {"p", "q", "r", "s"}),
                new NumericColumn("label", new double[] {0, 1, 0, 1}));
        DataFrame holed = HolePuncher.punch(df, 0.5, 7, "label");
        assertThat(holed.missingCount()).isEqualTo(4);
        assertThat(holed.numeric("label").values()).containsExactly(0, 1, 0, 1);
        assertThatThrownBy(() -> HolePuncher.punch(df, 1.5, 7)).hasMessageContaining("got 1.5");
        assertThatThrownBy(() -> HolePuncher.punch(df, 0.5, 7, "nope")).hasMessageContaining("no column 'nope'");
    }

    private static boolean[][] mask(double[][] x) {
        boolean[][] m = new boolean[x.length][];
        for (int i = 0; i < x.length; i++) {
            m[i] = new boolean[x[i].length];
            for (int j = 0; j < x[i].length; j++) {
                m[i][j] = Double.isNaN(x[i][j]);
            }
        }
        return m;
    }

    private static int count(double[][] x) {
        int n = 0;
        for (double[] row : x) {
            for (double v : row) {
                n += Double.isNaN(v) ? 1 : 0;
            }
        }
        return n;
    }
}

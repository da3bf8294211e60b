package dev.kiln.core.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.core.tensor.Tensor;
import org.junit.jupiter.api.Test;

class FeaturesTest {
    @Test
    void wrapsRowsWithoutCopyAndConvertsToFloatAndTensor() {
        double[][] rows = {{1, 2, 3}, {4, 5, 6}};
        Features f = Features.of(rows);
        assertThat(f.rows()).isSameAs(rows);
        assertThat(f.size()).isEqualTo(2);
        assertThat(f.width()).isEqualTo(3);
        Tensor t = f.toTensor();
        assertThat(t.shape()).containsExactly(2, 3);
        assertThat(t.toArray()).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(Features.of(t).rows()).isDeepEqualTo(rows);
        assertThat(Features.of(f.toFloatRows()).rows()).isDeepEqualTo(rows);
        assertThat(f.select(new int[] {1, 1}).rows()[0]).isSameAs(rows[1]);
        assertThat(Features.empty(5).width()).isEqualTo(5);
    }

    @Test
    void raggedRowsNonFiniteValuesAndWrongWidthsAreNamed() {
        assertThatThrownBy(() -> Features.of(new double[][] {{1, 2}, {3}}))
                .hasMessageContaining("row 1 has 1 values but row 0 has 2");
        assertThatThrownBy(() -> Features.of(new double[][] {{1}, null})).hasMessageContaining("row 1 is null");
        assertThatThrownBy(() -> Features.of(new double[][] {{1, Double.POSITIVE_INFINITY}}).requireFinite("M", 2))
                .hasMessageContaining("M: feature 1 of row 0 is Infinity");
        assertThatThrownBy(() -> Features.of(new double[][] {{1, 2}}).requireFinite("M", 3))
                .hasMessageContaining("rows have 2 features but the model was fitted on 3");
        assertThatThrownBy(() -> Features.of(Tensor.zeros(2, 2, 2))).hasMessageContaining("[2, 2, 2]");
        assertThatThrownBy(() -> Features.of(new double[][] {{1}}).select(new int[] {1}))
                .hasMessageContaining("row 1 outside [0, 1)");
    }

    @Test
    void argmaxBreaksTiesTowardsTheLowestClass() {
        assertThat(Classifier.argmax(new double[][] {{0.2, 0.5, 0.3}, {0.5, 0.5, 0}})).containsExactly(1, 0);
    }
}

package dev.kiln.core.data.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class StratifiedKFoldTest {
    // Expected values come from scikit-learn 1.2's StratifiedKFold._make_test_folds (shuffle=False),
    // run in numpy on the same labels.
    @Test
    void unshuffledFoldsMatchScikitLearn() {
        int[] y = {2, 0, 0, 2, 1, 1, 0, 1, 2, 2, 1, 0, 1, 1, 2, 0, 1};
        assertThat(StratifiedKFold.of(3).assign(y)).containsExactly(0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 2, 1, 2, 2, 2, 2);
        assertThat(StratifiedKFold.of(3).assign(new int[] {0, 0, 0, 1, 1, 1, 1, 1, 1, 1}))
                .containsExactly(0, 1, 2, 0, 0, 0, 1, 1, 2, 2);
    }

    @Test
    void everyFoldKeepsClassProportions() {
        int[] y = new int[150];
        for (int i = 0; i < y.length; i++) {
            y[i] = i < 50 ? 0 : i < 100 ? 1 : 2;
        }
        List<Fold> folds = StratifiedKFold.shuffled(5, 42).split(y);
        assertThat(folds).hasSize(5);
        boolean[] seen = new boolean[y.length];
        for (Fold f : folds) {
            assertThat(f.test()).hasSize(30);
            assertThat(f.train()).hasSize(120);
            int[] perClass = new int[3];
            for (int r : f.test()) {
                perClass[y[r]]++;
                assertThat(seen[r]).as("row %d in two test folds", r).isFalse();
                seen[r] = true;
            }
            assertThat(perClass).containsExactly(10, 10, 10);
            assertThat(f.test()).isSorted();
            assertThat(f.train()).isSorted().doesNotContain(f.test());
        }
    }

    @Test
    void seedDecidesTheShuffle() {
        int[] y = new int[60];
        for (int i = 0; i < y.length; i++) {
            y[i] = i % 3 == 0 ? 1 : 0;
        }
        int[] a = StratifiedKFold.shuffled(4, 7).assign(y);
        assertThat(StratifiedKFold.shuffled(4, 7).assign(y)).containsExactly(a);
        assertThat(StratifiedKFold.shuffled(4, 8).assign(y)).isNotEqualTo(a);
        // shuffling only moves rows between folds within a class; the per-fold class counts stay
        int[][] countsA = counts(a, y, 4);
        int[][] countsB = counts(StratifiedKFold.of(4).assign(y), y, 4);
        assertThat(countsA).isDeepEqualTo(countsB);
    }

    @Test
    void tooSmallClassesAreAnError() {
        assertThatThrownBy(() -> StratifiedKFold.of(5).assign(new int[] {0, 0, 1, 1, 2, 2}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fewer rows than k=5");
        // one small class is only a warning, as in scikit-learn
        int[] y = {0, 0, 0, 0, 0, 1};
        assertThat(Arrays.stream(StratifiedKFold.of(3).assign(y)).distinct().count()).isEqualTo(3);
    }

    private static int[][] counts(int[] foldOf, int[] y, int k) {
        int[][] c = new int[k][2];
        for (int i = 0; i < y.length; i++) {
            c[foldOf[i]][y[i]]++;
        }
        return c;
    }
}

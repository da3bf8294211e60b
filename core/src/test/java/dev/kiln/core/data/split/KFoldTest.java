package dev.kiln.core.data.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class KFoldTest {
    @Test
    void unshuffledFoldsAreConsecutiveBlocksWithExtrasFirst() {
        List<Fold> folds = KFold.of(3).split(10);
        assertThat(folds.get(0).test()).containsExactly(0, 1, 2, 3);
        assertThat(folds.get(1).test()).containsExactly(4, 5, 6);
        assertThat(folds.get(2).test()).containsExactly(7, 8, 9);
        assertThat(folds.get(1).train()).containsExactly(0, 1, 2, 3, 7, 8, 9);
    }

    @Test
    void shuffledFoldsPartitionTheRowsAndDependOnlyOnTheSeed() {
        int[] a = KFold.shuffled(4, 11).assign(103);
        assertThat(KFold.shuffled(4, 11).assign(103)).containsExactly(a);
        assertThat(KFold.shuffled(4, 12).assign(103)).isNotEqualTo(a);
        int[] sizes = new int[4];
        for (int f : a) {
            sizes[f]++;
        }
        assertThat(sizes).containsExactly(26, 26, 26, 25);
        assertThat(a).isNotEqualTo(KFold.of(4).assign(103));
    }

    @Test
    void rejectsImpossibleFolds() {
        assertThatThrownBy(() -> KFold.of(1)).hasMessageContaining("at least 2");
        assertThatThrownBy(() -> KFold.of(5).split(3)).hasMessageContaining("5 folds of 3 rows");
    }
}

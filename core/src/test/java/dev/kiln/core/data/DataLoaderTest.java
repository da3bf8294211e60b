package dev.kiln.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.core.tensor.Rng;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DataLoaderTest {
    /** Row i has features [i, 10 i] and label i % 3. */
    private static ArrayDataset rows(int n) {
        float[][] x = new float[n][];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            x[i] = new float[] {i, 10 * i};
            y[i] = i % 3;
        }
        return ArrayDataset.ofLabels(x, y);
    }

    private static List<Integer> firstFeatures(DataLoader loader) {
        List<Integer> seen = new ArrayList<>();
        for (Batch b : loader) {
            float[] x = b.features().toArray();
            float[] y = b.targets().toArray();
            for (int i = 0; i < b.size(); i++) {
                assertThat(x[2 * i + 1]).isEqualTo(10 * x[2 * i]);
                assertThat(y[i]).isEqualTo(x[2 * i] % 3);
                seen.add((int) x[2 * i]);
            }
        }
        return seen;
    }

    @Test
    void sequentialBatchesCoverRowsInOrderWithPartialLastBatch() {
        DataLoader loader = DataLoader.sequential(rows(10), 4);
        assertThat(loader.numBatches()).isEqualTo(3);
        List<Integer> sizes = new ArrayList<>();
        loader.forEach(b -> sizes.add(b.size()));
        assertThat(sizes).containsExactly(4, 4, 2);
        assertThat(firstFeatures(loader)).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(loader.dropLast().numBatches()).isEqualTo(2);
    }

    @Test
    void shuffleIsAPermutationFixedBySeedAndNewEachEpoch() {
        DataLoader a = DataLoader.shuffled(rows(50), 8, new Rng(7));
        DataLoader b = DataLoader.shuffled(rows(50), 8, new Rng(7));
        List<Integer> a1 = firstFeatures(a);
        List<Integer> a2 = firstFeatures(a);
        assertThat(a1).containsExactlyInAnyOrderElementsOf(firstFeatures(DataLoader.sequential(rows(50), 8)));
        assertThat(a1).isNotEqualTo(a2);
        assertThat(firstFeatures(b)).isEqualTo(a1);
        assertThat(firstFeatures(b)).isEqualTo(a2);
    }

    @Test
    void restoringTheRngOffsetReplaysAnEpoch() {
        Rng rng = new Rng(3);
        DataLoader loader = DataLoader.shuffled(rows(20), 5, rng);
        firstFeatures(loader);
        long offset = rng.offset();
        List<Integer> second = firstFeatures(loader);
        rng.offset(offset);
        assertThat(firstFeatures(loader)).isEqualTo(second);
    }

    @Test
    void splitIsDisjointAndSeeded() {
        ArrayDataset d = rows(100);
        Dataset.Split s = d.split(0.2, new Rng(1));
        assertThat(s.validation().size()).isEqualTo(20);
        assertThat(s.train().size()).isEqualTo(80);
        List<Integer> all = new ArrayList<>(firstFeatures(DataLoader.sequential(s.train(), 16)));
        all.addAll(firstFeatures(DataLoader.sequential(s.validation(), 16)));
        assertThat(all).doesNotHaveDuplicates().hasSize(100);
        assertThat(firstFeatures(DataLoader.sequential(d.split(0.2, new Rng(1)).validation(), 16)))
                .isEqualTo(firstFeatures(DataLoader.sequential(s.validation(), 16)));
        assertThatThrownBy(() -> d.split(1.0, new Rng(1))).hasMessageContaining("must be in (0, 1)");
    }

    @Test
    void badArgumentsAreNamed() {
        assertThatThrownBy(() -> DataLoader.sequential(rows(3), 0)).hasMessageContaining("batch size must be positive, got 0");
        assertThatThrownBy(() -> rows(3).batch(new int[] {3})).hasMessageContaining("row 3 outside a dataset of 3 rows");
        assertThatThrownBy(() -> new ArrayDataset(new float[5], new int[] {2}, new float[2], new int[0]))
                .hasMessageContaining("5 feature values");
    }
}

package dev.kiln.core.data.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TrainValidationTestSplitTest {
    @Test
    void sizesFollowScikitLearnRounding() {
        // train_test_split(150 rows, test_size=0.25) -> 38 test (ceil), 112 train
        assertThat(TrainValidationTestSplit.trainTest(0.25, 1).sizes(150)).containsExactly(112, 0, 38);
        assertThat(new TrainValidationTestSplit(0.15, 0.15, 1).sizes(100)).containsExactly(70, 15, 15);
        assertThat(new TrainValidationTestSplit(0.1, 0.2, 1).sizes(11)).containsExactly(6, 2, 3);
    }

    @Test
    void plainSplitPartitionsRowsDeterministically() {
        Partition p = new TrainValidationTestSplit(0.2, 0.3, 5).split(50);
        assertThat(p.train()).hasSize(25).isSorted();
        assertThat(p.validation()).hasSize(10).isSorted();
        assertThat(p.test()).hasSize(15).isSorted();
        int[] all = IntStream.concat(IntStream.concat(Arrays.stream(p.train()), Arrays.stream(p.validation())),
                Arrays.stream(p.test())).sorted().toArray();
        assertThat(all).containsExactly(IntStream.range(0, 50).toArray());
        Partition q = new TrainValidationTestSplit(0.2, 0.3, 5).split(50);
        assertThat(q.test()).containsExactly(p.test());
        assertThat(new TrainValidationTestSplit(0.2, 0.3, 6).split(50).test()).isNotEqualTo(p.test());
    }

    @Test
    void stratifiedSplitKeepsProportions() {
        int[] y = new int[100];
        for (int i = 0; i < 100; i++) {
            y[i] = i < 60 ? 0 : i < 90 ? 1 : 2; // 60 / 30 / 10
        }
        Partition p = new TrainValidationTestSplit(0.2, 0.1, 3).stratified(y);
        assertThat(count(p.test(), y)).containsExactly(6, 3, 1);
        assertThat(count(p.validation(), y)).containsExactly(12, 6, 2);
        assertThat(count(p.train(), y)).containsExactly(42, 21, 7);
        assertThat(new TrainValidationTestSplit(0.2, 0.1, 3).stratified(y).train()).containsExactly(p.train());
    }

    @Test
    void stratifiedRemaindersGoToLargestShares() {
        // 7 test rows among classes of 10, 6 and 4 (of 20): exact shares 3.5, 2.1, 1.4 -> 4, 2, 1
        int[] y = new int[20];
        for (int i = 0; i < 20; i++) {
            y[i] = i < 10 ? 0 : i < 16 ? 1 : 2;
        }
        Partition p = TrainValidationTestSplit.trainTest(0.35, 9).stratified(y);
        assertThat(count(p.test(), y)).containsExactly(4, 2, 1);
        assertThat(count(p.train(), y)).containsExactly(6, 4, 3);
    }

    @Test
    void rejectsBadFractions() {
        assertThatThrownBy(() -> new TrainValidationTestSplit(0.5, 0.5, 1)).hasMessageContaining("sum below 1");
        assertThatThrownBy(() -> new TrainValidationTestSplit(-0.1, 0.2, 1)).hasMessageContaining("validation=-0.1");
    }

    private static int[] count(int[] rows, int[] y) {
        int[] c = new int[3];
        for (int r : rows) {
            c[y[r]]++;
        }
        return c;
    }
}

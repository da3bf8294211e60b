package dev.kiln.supervised.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

class HistoryTest {
    private static History of(double[] loss, double[] valLoss) {
        History h = new History(1);
        for (int i = 0; i < loss.length; i++) {
            h.add(i + 1, Map.of("loss", loss[i], "val_loss", valLoss[i]));
        }
        return h;
    }

    @Test
    void slopeIsTheLeastSquaresFit() {
        assertThat(History.slope(new double[] {1, 3, 5})).isEqualTo(2.0);
        assertThat(History.slope(new double[] {4})).isEqualTo(0.0);
        assertThat(History.slope(new double[] {1, 2, 0})).isCloseTo(-0.5, within(1e-12));
    }

    @Test
    void risingValidationLossWithAWideningGapIsOverfitting() {
        History h = of(new double[] {1.0, 0.6, 0.4, 0.25, 0.15}, new double[] {1.0, 0.7, 0.65, 0.7, 0.8});
        assertThat(h.epochs().get(4).fit()).isEqualTo(FitSignal.OVERFITTING);
        assertThat(h.epochs().get(4).get("gap")).isCloseTo(0.65, within(1e-12));
        // gaps 0.25, 0.45, 0.65 over the last three epochs: slope 0.2
        assertThat(h.epochs().get(4).get("gap_trend")).isCloseTo(0.2, within(1e-12));
        assertThat(h.epochs().get(1).fit()).isNotEqualTo(FitSignal.OVERFITTING);
    }

    @Test
    void validationNoWorseThanTrainingWhileStillLearningIsUnderfitting() {
        History h = of(new double[] {2.0, 1.5, 1.2}, new double[] {1.8, 1.4, 1.1});
        assertThat(h.epochs()).extracting(History.Epoch::fit).containsOnly(FitSignal.UNDERFITTING);
        History flat = of(new double[] {0.5, 0.499, 0.4985}, new double[] {0.52, 0.519, 0.5185});
        assertThat(flat.last().fit()).isEqualTo(FitSignal.GOOD_FIT);
    }

    @Test
    void jsonRoundTripKeepsEveryValueExactly() {
        History h = of(new double[] {0.1234567890123, 0.1}, new double[] {0.2, 1.0 / 3});
        h.stopReason("stopped");
        History back = History.fromJson(h.toJson());
        assertThat(back.seed()).isEqualTo(1);
        assertThat(back.series("val_loss")).containsExactly(h.series("val_loss"));
        assertThat(back.series("gap_trend")).containsExactly(h.series("gap_trend"));
        assertThat(back.last().fit()).isEqualTo(h.last().fit());
        assertThat(back.stopReason()).isEqualTo("stopped");
        assertThat(h.toJson()).doesNotContain("NaN");
    }
}

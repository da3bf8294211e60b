package dev.kiln.supervised.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.core.tensor.Rng;
import dev.kiln.core.train.TrainingContext;
import dev.kiln.supervised.nn.Sequential;
import dev.kiln.supervised.optim.SGD;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EarlyStoppingTest {
    private static TrainingState state() {
        Sequential m = Sequential.builder(2).dense(1).build(new Rng(1));
        return new TrainingState(m, new SGD(m, 0.1), new Rng(2), new History(1), 8, "m", 0);
    }

    /** Feeds one metric value per epoch; returns the epoch after which a stop was requested, or -1. */
    private static int feed(EarlyStopping es, String metric, double... values) {
        TrainingState s = state();
        es.attach(s);
        TrainingContext ctx = new TrainingContext("test", values.length, 1);
        for (int i = 0; i < values.length; i++) {
            s.epoch(i + 1);
            es.onEpochEnd(ctx, i + 1, Map.of(metric, values[i]));
            if (ctx.stopRequested()) {
                return i + 1;
            }
        }
        return -1;
    }

    @Test
    void improvementsSmallerThanMinDeltaDoNotResetPatience() {
        // each step improves by 0.005: an improvement without min delta, none with min delta 0.01
        double[] slow = {1.0, 0.995, 0.990, 0.985, 0.980};
        assertThat(feed(EarlyStopping.on("val_loss").patience(2), "val_loss", slow)).isEqualTo(-1);
        EarlyStopping strict = EarlyStopping.on("val_loss").patience(2).minDelta(0.01);
        assertThat(feed(strict, "val_loss", slow)).isEqualTo(3);
        assertThat(strict.bestEpoch()).isEqualTo(1);
    }

    @Test
    void accuracyIsMaximised() {
        EarlyStopping es = EarlyStopping.on("val_accuracy").patience(1);
        assertThat(feed(es, "val_accuracy", 0.5, 0.7, 0.65)).isEqualTo(3);
        assertThat(es.bestEpoch()).isEqualTo(2);
        assertThat(es.bestValue()).isEqualTo(0.7);
    }

    @Test
    void aResumedRunContinuesTheCountersFromTheHistory() {
        TrainingState s = state();
        s.history().add(1, Map.of("val_loss", 0.5));
        s.history().add(2, Map.of("val_loss", 0.6));
        EarlyStopping es = EarlyStopping.on("val_loss").patience(2);
        es.attach(s);
        TrainingContext ctx = new TrainingContext("test", 5, 1);
        es.onEpochEnd(ctx, 3, Map.of("val_loss", 0.55));
        assertThat(ctx.stopRequested()).isTrue();
        assertThat(ctx.stopReason()).contains("best 0.500000 at epoch 1");
    }
}

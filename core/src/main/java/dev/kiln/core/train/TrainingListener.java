package dev.kiln.core.train;

import java.util.List;
import java.util.Map;

/**
 * Callbacks from a {@link Trainer}: progress bars, logging, metric history, early stopping and
 * checkpoints are all listeners. An "epoch" is one pass over the data, one Lloyd iteration or one
 * RL episode, as the trainer defines it; metrics are named numbers ("loss", "val_accuracy").
 */
public interface TrainingListener {
    TrainingListener NONE = new TrainingListener() {
    };

    default void onTrainingStart(TrainingContext context) {
    }

    default void onEpochStart(TrainingContext context, int epoch) {
    }

    default void onBatchEnd(TrainingContext context, int epoch, int batch, double loss) {
    }

    default void onEpochEnd(TrainingContext context, int epoch, Map<String, Double> metrics) {
    }

    default void onTrainingEnd(TrainingContext context) {
    }

    /** Calls each listener in order. */
    static TrainingListener of(TrainingListener... listeners) {
        List<TrainingListener> ls = List.of(listeners);
        return new TrainingListener() {
            @Override
            public void onTrainingStart(TrainingContext c) {
                ls.forEach(l -> l.onTrainingStart(c));
            }

            @Override
            public void onEpochStart(TrainingContext c, int epoch) {
                ls.forEach(l -> l.onEpochStart(c, epoch));
            }

            @Override
            public void onBatchEnd(TrainingContext c, int epoch, int batch, double loss) {
                ls.forEach(l -> l.onBatchEnd(c, epoch, batch, loss));
            }

            @Override
            public void onEpochEnd(TrainingContext c, int epoch, Map<String, Double> metrics) {
                ls.forEach(l -> l.onEpochEnd(c, epoch, metrics));
            }

            @Override
            public void onTrainingEnd(TrainingContext c) {
                ls.forEach(l -> l.onTrainingEnd(c));
            }
        };
    }
}

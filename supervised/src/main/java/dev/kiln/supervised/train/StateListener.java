package dev.kiln.supervised.train;

import dev.kiln.core.train.TrainingListener;

/**
 * A listener that sees the trainer's state (model, optimizer, history), not only metrics.
 * {@link GradientTrainer} calls {@link #attach} before {@code onTrainingStart}.
 */
public interface StateListener extends TrainingListener {
    void attach(TrainingState state);
}

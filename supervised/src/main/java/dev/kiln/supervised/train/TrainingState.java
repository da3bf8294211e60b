package dev.kiln.supervised.train;

import dev.kiln.core.nn.Model;
import dev.kiln.core.nn.Optimizer;
import dev.kiln.core.tensor.Rng;

/**
 * The live state of one {@link GradientTrainer} run, for listeners that need more than metrics
 * (early stopping restores weights, checkpoints save everything needed to resume).
 */
public final class TrainingState {
    private final Model model;
    private final Optimizer optimizer;
    private final Rng shuffleRng;
    private final History history;
    private final int batchSize;
    private final String modelConfig;
    private int epoch;

    TrainingState(Model model, Optimizer optimizer, Rng shuffleRng, History history, int batchSize,
                  String modelConfig, int epoch) {
        this.model = model;
        this.optimizer = optimizer;
        this.shuffleRng = shuffleRng;
        this.history = history;
        this.batchSize = batchSize;
        this.modelConfig = modelConfig;
        this.epoch = epoch;
    }

    public Model model() {
        return model;
    }

    public Optimizer optimizer() {
        return optimizer;
    }

    /** The stream that shuffles the training data; its offset is part of a checkpoint. */
    public Rng shuffleRng() {
        return shuffleRng;
    }

    public History history() {
        return history;
    }

    public long seed() {
        return history.seed();
    }

    public int batchSize() {
        return batchSize;
    }

    /** The model's configuration as the user described it (JSON or text), or the model's own description. */
    public String modelConfig() {
        return modelConfig;
    }

    /** The last completed epoch (0 before the first). */
    public int epoch() {
        return epoch;
    }

    void epoch(int epoch) {
        this.epoch = epoch;
    }
}

package dev.kiln.core.train;

/**
 * What a listener may see and do during training: the plan (epochs, batches per epoch) and a way
 * to ask the trainer to stop after the current epoch (early stopping, solved environments).
 */
public final class TrainingContext {
    private final String trainer;
    private final int epochs;
    private final int batchesPerEpoch;
    private volatile String stopReason;

    public TrainingContext(String trainer, int epochs, int batchesPerEpoch) {
        this.trainer = trainer;
        this.epochs = epochs;
        this.batchesPerEpoch = batchesPerEpoch;
    }

    public String trainer() {
        return trainer;
    }

    /** Planned number of epochs (or episodes / iterations). */
    public int epochs() {
        return epochs;
    }

    /** Batches per epoch, or 0 where the trainer has no batches. */
    public int batchesPerEpoch() {
        return batchesPerEpoch;
    }

    public void requestStop(String reason) {
        this.stopReason = reason;
    }

    public boolean stopRequested() {
        return stopReason != null;
    }

    /** Why training stopped early, or null. */
    public String stopReason() {
        return stopReason;
    }
}

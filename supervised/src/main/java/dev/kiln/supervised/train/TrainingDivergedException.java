package dev.kiln.supervised.train;

/**
 * The loss became NaN or infinite. Training stops at once, before the bad gradients reach the
 * weights, so the last checkpoint written stays the last good state.
 */
public final class TrainingDivergedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int epoch;
    private final int batch;
    private final double loss;

    public TrainingDivergedException(int epoch, int batch, double loss) {
        super("training diverged: loss is " + loss + " at epoch " + epoch + ", batch " + batch
                + " (lower the learning rate, clip gradients, or check the inputs for NaN/Inf);"
                + " weights were not updated with this batch");
        this.epoch = epoch;
        this.batch = batch;
        this.loss = loss;
    }

    /**
     * Thrown by a {@link TrainingStep} outside an epoch loop: {@code part} names what is not finite
     * (the base loss or a loss term); {@link #epoch()} and {@link #batch()} are 0.
     */
    public TrainingDivergedException(long step, String part, double loss) {
        super("training diverged: loss is " + loss + " at step " + step + " (" + part + " is not finite;"
                + " lower the learning rate, clip gradients, or check the inputs for NaN/Inf);"
                + " weights were not updated with this batch");
        this.epoch = 0;
        this.batch = 0;
        this.loss = loss;
    }

    /** 1-based epoch (0 when thrown by a step outside an epoch loop). */
    public int epoch() {
        return epoch;
    }

    /** 1-based batch within the epoch (0 when thrown by a step outside an epoch loop). */
    public int batch() {
        return batch;
    }

    public double loss() {
        return loss;
    }
}

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

    /** 1-based epoch. */
    public int epoch() {
        return epoch;
    }

    /** 1-based batch within the epoch. */
    public int batch() {
        return batch;
    }

    public double loss() {
        return loss;
    }
}

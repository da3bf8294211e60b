package dev.kiln.supervised.train;

/**
 * Training diverged: the loss became NaN or infinite, grew past the configured factor of its first
 * value ({@link GradientTrainerBuilder#divergenceFactor(double)}), or a weight became non-finite.
 * Training stops at once; a loss is checked before its backward pass, so the bad batch never reaches
 * the weights and the last checkpoint written stays the last good state.
 */
public final class TrainingDivergedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private static final String ADVICE = "lower the learning rate, clip gradients, or check the inputs for NaN/Inf";
    private final int epoch;
    private final int batch;
    private final double loss;
    private final String reason;

    public TrainingDivergedException(int epoch, int batch, double loss) {
        this(epoch, batch, loss, "loss is " + loss);
    }

    /** At {@code epoch}/{@code batch} for {@code reason} (e.g. "loss is NaN"), caught before the update. */
    public TrainingDivergedException(int epoch, int batch, double loss, String reason) {
        this("training diverged: " + reason + " at epoch " + epoch + ", batch " + batch + " (" + ADVICE + ");"
                + " weights were not updated with this batch", epoch, batch, loss, reason);
    }

    /**
     * Thrown by a {@link TrainingStep} outside an epoch loop: {@code part} names what is not finite
     * (the base loss or a loss term); {@link #epoch()} and {@link #batch()} are 0.
     */
    public TrainingDivergedException(long step, String part, double loss) {
        this("training diverged: loss is " + loss + " at step " + step + " (" + part + " is not finite;"
                + " " + ADVICE + "); weights were not updated with this batch", 0, 0, loss,
                "loss is " + loss);
    }

    private TrainingDivergedException(String message, int epoch, int batch, double loss, String reason) {
        super(message);
        this.epoch = epoch;
        this.batch = batch;
        this.loss = loss;
        this.reason = reason;
    }

    /** A step's loss above its {@link TrainingStep#lossCeiling(double) ceiling}; epoch and batch are 0. */
    static TrainingDivergedException above(long step, double loss, double ceiling) {
        String reason = "loss " + loss + " is above the divergence limit " + ceiling;
        return new TrainingDivergedException("training diverged: " + reason + " at step " + step + " (" + ADVICE
                + "); weights were not updated with this batch", 0, 0, loss, reason);
    }

    /** A weight that became NaN/Inf in the optimizer's last update of {@code epoch} (the loss could not show it yet). */
    static TrainingDivergedException weights(int epoch, int batch, String parameter) {
        String reason = "parameter '" + parameter + "' holds NaN or Inf after the update";
        return new TrainingDivergedException("training diverged: " + reason + " at epoch " + epoch + ", batch " + batch
                + " (" + ADVICE + ")", epoch, batch, Double.NaN, reason);
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

    /** What diverged, without the position: "loss is NaN", "loss 1.2E13 is above the divergence limit 230.0", ... */
    public String reason() {
        return reason;
    }
}

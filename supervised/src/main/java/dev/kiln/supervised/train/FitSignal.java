package dev.kiln.supervised.train;

/**
 * A per-epoch reading of how training generalises, from the gap between validation and training
 * loss and its trend (see docs/adr/0006-training-loop.md):
 * <ul>
 *   <li>{@link #OVERFITTING}: validation loss is above its best so far and the gap is widening;</li>
 *   <li>{@link #UNDERFITTING}: validation loss is no worse than training loss and training loss is
 *       still falling by more than 1% an epoch — more epochs or capacity would help;</li>
 *   <li>{@link #GOOD_FIT}: neither.</li>
 * </ul>
 */
public enum FitSignal {
    UNDERFITTING,
    GOOD_FIT,
    OVERFITTING;

    /** Relative per-epoch drop of the training loss below which it counts as flat. */
    static final double STILL_LEARNING = 0.01;

    /** The history key, e.g. "overfitting". */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}

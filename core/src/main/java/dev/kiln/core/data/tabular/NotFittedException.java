package dev.kiln.core.data.tabular;

/** A transformer (or pipeline) was used before it was fitted. */
public final class NotFittedException extends IllegalStateException {
    public NotFittedException(String what) {
        super(what + " is not fitted: call fit(train) and use the fitted transformer it returns"
                + " (fit leaves the original unfitted)");
    }
}

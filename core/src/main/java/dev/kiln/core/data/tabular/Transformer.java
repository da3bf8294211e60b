package dev.kiln.core.data.tabular;

/**
 * A data preparation step that learns from training data and then applies what it learnt to any
 * data (training, validation, test, production), so nothing leaks from held-out rows.
 *
 * <p>Transformers are immutable, like the trainers: {@link #fit} returns a <em>new, fitted</em>
 * transformer and leaves this one unfitted and reusable (a cross-validation loop fits the same
 * configuration once per fold). Calling {@link #transform} on an unfitted transformer throws
 * {@link NotFittedException}.
 *
 * <pre>{@code
 * StandardScaler scaler = new StandardScaler().fit(train);   // means and scales of train only
 * DataFrame trainX = scaler.transform(train);
 * DataFrame testX = scaler.transform(test);                  // train's means and scales
 * }</pre>
 */
public interface Transformer {
    /** Learns from {@code train} and returns the fitted transformer (this one is left unchanged). */
    Transformer fit(DataFrame train);

    /** Applies what was learnt; throws {@link NotFittedException} before {@link #fit}. */
    DataFrame transform(DataFrame data);

    boolean isFitted();

    /** {@code fit(train).transform(train)}; note it returns the frame, not the fitted transformer. */
    default DataFrame fitTransform(DataFrame train) {
        return fit(train).transform(train);
    }
}

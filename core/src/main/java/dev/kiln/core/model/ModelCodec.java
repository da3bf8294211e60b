package dev.kiln.core.model;

/**
 * How one kind of fitted model becomes arrays and JSON in a model file, and back. Each module
 * lists its codecs in {@code META-INF/services/dev.kiln.core.model.ModelCodec}; {@link Models}
 * picks the codec by the model's class when saving and by the stored name when loading, so a
 * module adds saveable models with no edit elsewhere.
 *
 * <p>A codec lives beside its model (same package) because it reads the fitted state directly;
 * it must write everything {@code predict} depends on, exactly: a loaded model gives the same
 * predictions bit for bit.
 *
 * @param <M> the fitted model type
 */
public interface ModelCodec<M> {
    /** The name stored in the file, usually the learner's component name ({@code "decision-tree-classifier"}). */
    String name();

    /** The fitted model class this codec saves (exact class; subclasses need their own codec). */
    Class<M> type();

    void write(M model, ModelWriter out);

    /** Rebuilds the model; fails with {@link ModelFormatException} (via the reader) on missing or malformed state. */
    M read(ModelReader in);
}

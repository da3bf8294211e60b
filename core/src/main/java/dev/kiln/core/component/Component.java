package dev.kiln.core.component;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * A named, buildable piece of Kiln: name → hyper-parameter record type (with its defaults) →
 * factory. {@code "sgd"} of kind optimizer, {@code "dense"} of kind layer, {@code "kmeans"} of
 * kind learner. Config files and model files refer to components by kind and name and store the
 * record; this is all they need to rebuild one.
 *
 * @param <C> the hyper-parameter record
 * @param <T> what the factory makes (the kind's product)
 */
public record Component<C extends Record, T>(Kind<T> kind, String name, C defaults, Function<? super C, ? extends T> factory,
                                             String description) {
    public Component {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(defaults, "defaults of " + name);
        Objects.requireNonNull(factory, "factory of " + name);
        if (name == null || !name.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException(kind.name() + " component name must be lower-case words joined by '-', got '"
                    + name + "'");
        }
    }

    public static <C extends Record, T> Component<C, T> of(Kind<T> kind, String name, C defaults,
                                                           Function<? super C, ? extends T> factory, String description) {
        return new Component<>(kind, name, defaults, factory, description);
    }

    @SuppressWarnings("unchecked")
    public Class<C> configType() {
        return (Class<C>) defaults.getClass();
    }

    /** The product for {@code config}. */
    public T create(C config) {
        return factory.apply(config);
    }

    /** The product for the defaults overridden by {@code values} (unknown keys are errors). */
    public T create(Map<String, ?> values) {
        return create(bind(values));
    }

    /** The record for the defaults overridden by {@code values}. */
    public C bind(Map<String, ?> values) {
        return HyperParameters.bind(defaults, values);
    }

    public List<HyperParameters.Field> describe() {
        return HyperParameters.describe(defaults);
    }

    /** "optimizer/sgd". */
    public String key() {
        return kind.name() + "/" + name;
    }
}

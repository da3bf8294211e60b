package dev.kiln.core.component;

import java.util.Objects;

/**
 * What a family of components produces: {@code Kind.of("optimizer", OptimizerFactory.class)}.
 * The module that defines the product type defines the kind; a lookup through the kind is typed.
 */
public record Kind<T>(String name, Class<T> produces) {
    public Kind {
        Objects.requireNonNull(name, "kind name");
        Objects.requireNonNull(produces, "kind product type");
        if (!name.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("kind name must be lower-case words joined by '-', got '" + name + "'");
        }
    }

    public static <T> Kind<T> of(String name, Class<T> produces) {
        return new Kind<>(name, produces);
    }
}

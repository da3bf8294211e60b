package dev.kiln.core.component;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The registry: every {@link Component} of every {@link ComponentProvider} found, by kind and
 * name. Two providers registering the same kind and name is an error naming both. Kiln itself
 * never needs dependency injection; config files and Guice modules build on this.
 */
public final class Components {
    private static volatile Components discovered;

    private final Map<String, Map<String, Component<?, ?>>> byKind = new TreeMap<>();
    private final Map<String, String> origin = new LinkedHashMap<>();

    private Components(List<? extends ComponentProvider> providers) {
        for (ComponentProvider p : providers) {
            for (Component<?, ?> c : p.components()) {
                String from = p.getClass().getName();
                String previous = origin.putIfAbsent(c.key(), from);
                if (previous != null) {
                    throw new IllegalStateException("component " + c.key() + " is registered twice: by " + previous
                            + " and by " + from);
                }
                byKind.computeIfAbsent(c.kind().name(), k -> new TreeMap<>()).put(c.name(), c);
            }
        }
    }

    /** The components of the given providers only (tests, or a deliberately closed set). */
    public static Components of(ComponentProvider... providers) {
        return new Components(List.of(providers));
    }

    /** Every provider on the class path, found once through {@link ServiceLoader}. */
    public static Components discover() {
        Components c = discovered;
        if (c == null) {
            synchronized (Components.class) {
                if (discovered == null) {
                    List<ComponentProvider> found = new ArrayList<>();
                    ServiceLoader.load(ComponentProvider.class, Components.class.getClassLoader()).forEach(found::add);
                    found.sort((a, b) -> a.getClass().getName().compareTo(b.getClass().getName()));
                    discovered = new Components(found);
                }
                c = discovered;
            }
        }
        return c;
    }

    /** The component {@code name} of {@code kind}; the error lists the names that exist. */
    @SuppressWarnings("unchecked")
    public <T> Component<?, T> get(Kind<T> kind, String name) {
        Component<?, ?> c = byKind.getOrDefault(kind.name(), Map.of()).get(name);
        if (c == null) {
            throw new IllegalArgumentException("unknown " + kind.name() + " '" + name + "'; known: "
                    + (names(kind).isEmpty() ? "none (is the module that provides it on the class path?)"
                    : String.join(", ", names(kind))));
        }
        if (!kind.produces().equals(c.kind().produces())) {
            throw new IllegalStateException(c.key() + " produces " + c.kind().produces().getName() + ", not "
                    + kind.produces().getName());
        }
        return (Component<?, T>) c;
    }

    /** {@code get(kind, name).create(values)}. */
    public <T> T create(Kind<T> kind, String name, Map<String, ?> values) {
        return get(kind, name).create(values);
    }

    public List<String> names(Kind<?> kind) {
        return List.copyOf(byKind.getOrDefault(kind.name(), Map.of()).keySet());
    }

    /** Kind names with at least one component. */
    public List<String> kinds() {
        return List.copyOf(byKind.keySet());
    }

    /** Every component, ordered by kind then name. */
    public List<Component<?, ?>> all() {
        List<Component<?, ?>> out = new ArrayList<>();
        byKind.values().forEach(m -> out.addAll(m.values()));
        return Collections.unmodifiableList(out);
    }
}

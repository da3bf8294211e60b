package dev.kiln.examples;

import dev.kiln.core.backend.Backend;
import java.util.Map;

/**
 * One end-to-end benchmark ({@code ./kiln bench NAME [--json]}). It returns named figures; the
 * command line prints them as a table, or as one JSON object with {@code --json}. Listed in
 * {@code META-INF/services/dev.kiln.examples.Bench}.
 */
public interface Bench {
    String name();

    String description();

    /**
     * Its own options. The command line adds {@code --threads N} (the CPU backend's pool size,
     * set before any backend is created) and {@code --json} to every benchmark.
     */
    default Options.Spec options() {
        return Options.spec();
    }

    /** Runs with the parsed {@link #options()}; keys and values become the table/JSON. */
    Map<String, Object> run(Options options) throws Exception;

    /** The backend's thread count when it reports one (tensor-cpu does); the reference backend runs on one. */
    static int threads(Backend backend) {
        try {
            return (Integer) backend.getClass().getMethod("threads").invoke(backend);
        } catch (ReflectiveOperationException | ClassCastException e) {
            return 1;
        }
    }
}

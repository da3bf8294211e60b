package dev.kiln.core.backend;

/**
 * A backend plug-in, found through {@link java.util.ServiceLoader}
 * ({@code META-INF/services/dev.kiln.core.backend.BackendProvider}).
 *
 * <p>Implementations must be cheap to construct: no native loading or device probing in
 * constructors or static initialisers. {@link #probe()} does that work once and caches it.
 */
public interface BackendProvider {
    /** Short lower-case name used by {@code -Dkiln.backend} / {@code KILN_BACKEND}. */
    String name();

    /** Higher wins when no backend is named. The reference backend is 0. */
    int priority();

    /** Whether this backend can run here; never throws. Called at most a few times, may cache. */
    Availability probe();

    /** Creates the backend. Only called when {@link #probe()} said available. */
    Backend create();

    /** Extra lines for {@code kiln backends} (devices found, SIMD width, ...). */
    default java.util.List<String> details() {
        return java.util.List.of();
    }
}

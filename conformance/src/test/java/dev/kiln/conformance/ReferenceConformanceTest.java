package dev.kiln.conformance;

import dev.kiln.core.backend.Backend;
import dev.kiln.core.backend.reference.ReferenceProvider;

/**
 * The reference backend against itself: value checks confirm the kit's plumbing (views,
 * broadcasting), and the gradient checks against finite differences are the real test of the
 * core's backward rules.
 */
class ReferenceConformanceTest extends BackendConformanceKit {
    private static final Backend BACKEND = new ReferenceProvider().create();

    @Override
    protected Backend backend() {
        return BACKEND;
    }
}

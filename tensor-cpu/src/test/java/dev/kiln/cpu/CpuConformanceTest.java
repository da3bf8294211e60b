package dev.kiln.cpu;

import dev.kiln.conformance.BackendConformanceKit;
import dev.kiln.core.backend.Backend;

/** The whole conformance kit against the cpu backend (created the way selection creates it). */
class CpuConformanceTest extends BackendConformanceKit {
    private static final Backend BACKEND = new CpuProvider().create();

    @Override
    protected Backend backend() {
        return BACKEND;
    }
}

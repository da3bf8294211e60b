package dev.kiln.opencl;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kiln.conformance.BackendConformanceKit;
import dev.kiln.core.backend.Backend;

/**
 * The full conformance kit on the OpenCL backend (POCL's CPU device in CI). Where no OpenCL device
 * exists at all, every test is skipped with the probe's reason; never silently passed.
 */
class OpenClConformanceTest extends BackendConformanceKit {
    @Override
    protected Backend backend() {
        OpenClRuntime.Probe p = OpenClRuntime.probe();
        assumeTrue(p.available(), () -> "no OpenCL device, conformance kit skipped: " + p.reason());
        return OpenClTesting.backend();
    }
}

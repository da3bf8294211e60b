package dev.kiln.opencl;

import dev.kiln.conformance.BackendConformanceKit;
import dev.kiln.core.backend.Backend;

/**
 * The full conformance kit on the OpenCL backend (POCL's CPU device in CI). Where no OpenCL device
 * exists at all, every test is skipped with the probe's reason; never silently passed.
 */
class OpenClConformanceTest extends BackendConformanceKit {
    @Override
    protected Backend backend() {
        return OpenClTesting.backend(); // a JUnit assumption: skipped with the probe's reason without OpenCL
    }
}

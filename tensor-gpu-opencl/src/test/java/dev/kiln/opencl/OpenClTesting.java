package dev.kiln.opencl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kiln.core.backend.Backend;
import dev.kiln.core.backend.reference.ReferenceBackend;
import dev.kiln.core.tensor.Rng;
import dev.kiln.core.tensor.Tensor;
import java.util.Arrays;

/** Shared test helpers: one backend per test JVM, skipped with the probe's reason when no device exists. */
final class OpenClTesting {
    static final ReferenceBackend REF = new ReferenceBackend();
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(OpenClTesting.class);
    private static OpenClBackend backend;
    private static boolean reported;

    private OpenClTesting() {
    }

    /** The shared OpenCL backend; a JUnit assumption failure (skip, with the reason) when OpenCL is missing. */
    static synchronized OpenClBackend backend() {
        OpenClRuntime.Probe p = OpenClRuntime.probe();
        if (!p.available() && !reported) {
            reported = true; // once per JVM: every OpenCL test is skipped for the same reason
            LOG.warn("OpenCL tests are SKIPPED: {}", p.reason());
        }
        assumeTrue(p.available(), () -> "no OpenCL device: " + p.reason());
        if (backend == null) {
            backend = OpenClBackend.create();
        }
        return backend;
    }

    static float[] random(long seed, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) Rng.gaussian(seed, 2L * i);
        }
        return v;
    }

    /** The same values as a tensor on each backend. */
    static Tensor[] pair(float[] values, int... shape) {
        return new Tensor[] {Tensor.fromArray(REF, values, shape), Tensor.fromArray(backend(), values, shape)};
    }

    static void assertClose(Tensor actual, Tensor expected, float rtol, float atol) {
        assertThat(actual.shape()).as("shape").containsExactly(expected.shape());
        assertThat(actual.backend()).isInstanceOf(OpenClBackend.class);
        assertClose(actual.toArray(), expected.toArray(), rtol, atol);
    }

    static void assertClose(float[] a, float[] e, float rtol, float atol) {
        assertThat(a).hasSameSizeAs(e);
        for (int i = 0; i < a.length; i++) {
            if (Float.isNaN(e[i])) {
                assertThat(a[i]).as("element %d of %s vs %s", i, Arrays.toString(head(a)), Arrays.toString(head(e)))
                        .isNaN();
            } else if (Float.isInfinite(e[i])) {
                assertThat(a[i]).as("element %d", i).isEqualTo(e[i]);
            } else {
                assertThat(Math.abs(a[i] - e[i])).as("element %d: %s vs %s", i, a[i], e[i])
                        .isLessThanOrEqualTo(atol + rtol * Math.abs(e[i]));
            }
        }
    }

    private static float[] head(float[] v) {
        return Arrays.copyOf(v, Math.min(v.length, 12));
    }

    static Backend ref() {
        return REF;
    }
}

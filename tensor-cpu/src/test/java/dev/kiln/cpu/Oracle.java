package dev.kiln.cpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.kiln.core.backend.Backend;
import dev.kiln.core.backend.UnaryOp;
import dev.kiln.core.backend.reference.ReferenceBackend;
import dev.kiln.core.tensor.Rng;
import dev.kiln.core.tensor.Shape;
import dev.kiln.core.tensor.Tensor;
import java.util.Arrays;

/** Shared fixtures: the cpu backend under test, the reference oracle, seeded data and comparisons. */
final class Oracle {
    static final CpuBackend CPU = new CpuBackend(3); // 3 threads on any machine: exercises the splits
    static final Backend REF = new ReferenceBackend();

    private Oracle() {
    }

    /** Seeded values in [-2, 2), with a few exact zeros. */
    static float[] values(long seed, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = i % 17 == 5 ? 0f : -2f + 4f * Rng.uniform(seed, i);
        }
        return v;
    }

    static Tensor on(Backend b, float[] data, int... shape) {
        return Tensor.fromArray(b, data, shape);
    }

    /** Equal within {@code tol} relative (to max(1,|expected|)); NaN matches NaN, infinities must match. */
    static void close(Tensor actual, Tensor expected, float tol) {
        assertThat(actual.shape()).as("shape").containsExactly(expected.shape());
        assertThat(actual.backend().name()).isEqualTo("cpu");
        if (actual.numel() > 0) { // Shape.isContiguous says false for every shape with a 0 dimension
            // contiguous, or element-wise results laid out like a permuted operand (see Backend)
            assertThat(Shape.isDense(actual.shape(), actual.strides()) && actual.offset() == 0)
                    .as("outputs are dense").isTrue();
        }
        float[] a = actual.toArray();
        float[] e = expected.toArray();
        for (int i = 0; i < e.length; i++) {
            boolean ok = Float.isNaN(e[i]) ? Float.isNaN(a[i])
                    : Float.isInfinite(e[i]) ? a[i] == e[i]
                    : Math.abs(a[i] - e[i]) <= tol * Math.max(1f, Math.abs(e[i]));
            if (!ok) {
                fail("element " + i + " of shape " + Arrays.toString(expected.shape()) + ": cpu " + a[i]
                        + " vs reference " + e[i]);
            }
        }
    }

    /** Bit-for-bit equal (with -0 == +0). */
    /**
     * {@code got} against the reference product of {@code ref[0] @ ref[1]} (double accumulation). The
     * bound scales with the magnitude of the terms, |A| @ |B|, as float rounding error does:
     * |cpu - ref| <= 1e-6 * k * (|A| @ |B|) + 1e-6.
     */
    static void matmulWithinRounding(Tensor got, Tensor[] ref) {
        Tensor want = REF.matmul(ref[0], ref[1]);
        Tensor scale = REF.matmul(REF.unary(UnaryOp.ABS, ref[0]), REF.unary(UnaryOp.ABS, ref[1]));
        assertThat(got.shape()).containsExactly(want.shape());
        int k = ref[0].shape()[ref[0].rank() - 1];
        float[] g = got.toArray();
        float[] w = want.toArray();
        float[] s = scale.toArray();
        for (int i = 0; i < w.length; i++) {
            if (!(Math.abs(g[i] - w[i]) <= 1e-6f * Math.max(k, 1) * s[i] + 1e-6f)) {
                fail("element " + i + ": cpu " + g[i] + " vs reference " + w[i] + " (scale " + s[i] + ")");
            }
        }
    }

    static void exact(Tensor actual, Tensor expected) {
        close(actual, expected, 0f);
    }

    static void sameBits(Tensor a, Tensor b) {
        float[] x = a.toArray();
        float[] y = b.toArray();
        assertThat(x.length).isEqualTo(y.length);
        for (int i = 0; i < x.length; i++) {
            if (Float.floatToRawIntBits(x[i]) != Float.floatToRawIntBits(y[i])) {
                fail("element " + i + " differs: " + x[i] + " vs " + y[i]);
            }
        }
    }
}

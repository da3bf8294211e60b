package dev.kiln.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.kiln.core.backend.Backend;
import dev.kiln.core.backend.UnsupportedOpException;
import dev.kiln.core.backend.reference.ReferenceBackend;
import dev.kiln.core.tensor.Rng;
import dev.kiln.core.tensor.Shape;
import dev.kiln.core.tensor.Tensor;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;

/**
 * Shared machinery of the conformance kit: building the same inputs on the backend under test and
 * on the reference backend, comparing results, and reporting unsupported ops separately from
 * failures (an unsupported op aborts its test with "UNSUPPORTED: op", which JUnit reports as
 * skipped, never as passed).
 */
public abstract class KitSupport {
    private static final Set<String> UNSUPPORTED = new TreeSet<>();
    private static final ReferenceBackend REFERENCE = new ReferenceBackend();

    /** The backend under test. Called once per test; may return a shared instance. */
    protected abstract Backend backend();

    protected static Backend reference() {
        return REFERENCE;
    }

    @AfterAll
    static void reportUnsupported() {
        synchronized (UNSUPPORTED) {
            if (!UNSUPPORTED.isEmpty()) {
                System.out.println("[conformance] UNSUPPORTED ops: " + UNSUPPORTED);
            }
        }
    }

    /** Deterministic test values: normal(0, 1) from a seeded stream. */
    protected static float[] values(long seed, int n) {
        Rng rng = new Rng(seed);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) rng.nextGaussian();
        }
        return v;
    }

    /** Values in {@code [lo, hi)}. */
    protected static float[] uniform(long seed, int n, float lo, float hi) {
        Rng rng = new Rng(seed);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = lo + (hi - lo) * (float) rng.nextDouble();
        }
        return v;
    }

    /** Distinct values (a shuffled, scaled arange), for ops where ties would make gradients ambiguous. */
    protected static float[] distinct(long seed, int n) {
        int[] p = new Rng(seed).permutation(n);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (p[i] - n / 2f) * 0.37f + 0.05f;
        }
        return v;
    }

    protected static Tensor on(Backend b, float[] data, int... shape) {
        return Tensor.fromArray(b, data, shape);
    }

    /** Runs {@code op} on the backend under test; an {@link UnsupportedOpException} aborts the test. */
    protected <T> T run(String op, Function<Backend, T> f) {
        try {
            return f.apply(backend());
        } catch (UnsupportedOpException e) {
            synchronized (UNSUPPORTED) {
                UNSUPPORTED.add(e.op());
            }
            Assumptions.abort("UNSUPPORTED: " + e.op() + " on backend " + backend().name());
            throw e; // unreachable
        }
    }

    /** Computes {@code f} on both backends and compares shape and values within {@code rtol/atol}. */
    protected void compare(String what, float rtol, float atol, Function<Backend, Tensor> f) {
        Tensor expected = f.apply(REFERENCE);
        Tensor actual = run(what, f);
        assertThat(actual.backend()).as("%s: result backend", what).isSameAs(backend());
        assertClose(what, expected.shape(), expected.toArray(), actual.shape(), actual.toArray(), rtol, atol);
    }

    protected void compare(String what, Function<Backend, Tensor> f) {
        compare(what, 1e-5f, 1e-6f, f);
    }

    protected static void assertClose(String what, int[] expShape, float[] exp, int[] actShape, float[] act,
            float rtol, float atol) {
        assertThat(actShape).as("%s: shape", what).containsExactly(expShape);
        assertThat(act).as("%s: element count", what).hasSize(exp.length);
        for (int i = 0; i < exp.length; i++) {
            float e = exp[i];
            float a = act[i];
            boolean ok;
            if (Float.isNaN(e)) {
                ok = Float.isNaN(a);
            } else if (Float.isInfinite(e)) {
                ok = a == e;
            } else {
                ok = Math.abs(a - e) <= atol + rtol * Math.abs(e);
            }
            if (!ok) {
                fail("%s: element %d of shape %s is %s, reference says %s (rtol %s, atol %s)", what, i,
                        Shape.str(expShape), a, e, rtol, atol);
            }
        }
    }

    /** Shapes used throughout: scalar, empty, odd, 2-D, 3-D and one large enough to cross SIMD blocks. */
    protected static int[][] shapes() {
        return new int[][] {{}, {0}, {1}, {7}, {3, 5}, {2, 3, 4}, {1, 1, 1}, {4, 0, 3}, {1031}, {67, 129}};
    }
}

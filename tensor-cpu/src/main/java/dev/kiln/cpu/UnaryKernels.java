package dev.kiln.cpu;

import dev.kiln.core.backend.UnaryOp;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Rows of unary ops and of {@code where}. Exact ops (negation, abs, sqrt, reciprocal, relu) run on
 * SIMD lanes; transcendental ops (exp, log, tanh, sigmoid, sin, cos) call {@link Math} per element so
 * the results are bit-identical to the reference definition in {@link UnaryOp#apply} (the Vector
 * API's SIMD exp/log differ from Math in the last bit, and those differences would change training
 * results between backends).
 */
final class UnaryKernels {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final FloatVector ZERO = FloatVector.zero(S);

    private UnaryKernels() {
    }

    /** One row: {@code o[oi..oi+n) = op(x[xi + i*xs])}. */
    static void row(UnaryOp op, float[] x, int xi, int xs, float[] o, int oi, int n) {
        int i = 0;
        if (xs == 1) {
            int up = S.loopBound(n);
            switch (op) {
                case NEG -> {
                    for (; i < up; i += S.length()) {
                        FloatVector.fromArray(S, x, xi + i).neg().intoArray(o, oi + i);
                    }
                }
                case ABS -> {
                    for (; i < up; i += S.length()) {
                        FloatVector.fromArray(S, x, xi + i).abs().intoArray(o, oi + i);
                    }
                }
                case SQRT -> { // IEEE sqrt is correctly rounded in float and in double: same result
                    for (; i < up; i += S.length()) {
                        FloatVector.fromArray(S, x, xi + i).sqrt().intoArray(o, oi + i);
                    }
                }
                case RECIP -> {
                    FloatVector one = FloatVector.broadcast(S, 1f);
                    for (; i < up; i += S.length()) {
                        one.div(FloatVector.fromArray(S, x, xi + i)).intoArray(o, oi + i);
                    }
                }
                case RELU -> { // x <= 0 (including -0) gives +0; NaN compares false and stays NaN
                    for (; i < up; i += S.length()) {
                        FloatVector v = FloatVector.fromArray(S, x, xi + i);
                        v.blend(ZERO, v.compare(VectorOperators.LE, 0f)).intoArray(o, oi + i);
                    }
                }
                case EXP -> {
                    for (; i < n; i++) {
                        o[oi + i] = (float) Math.exp(x[xi + i]);
                    }
                }
                case LOG -> {
                    for (; i < n; i++) {
                        o[oi + i] = (float) Math.log(x[xi + i]);
                    }
                }
                default -> { } // the rest: generic loop below
            }
        }
        for (; i < n; i++) {
            o[oi + i] = op.apply(x[xi + i * xs]);
        }
    }

    /** One row of {@code where}: {@code o = c != 0 ? a : b}; SIMD when all three are contiguous. */
    static void whereRow(float[] c, int ci, int cs, float[] a, int ai, int as, float[] b, int bi, int bs,
                         float[] o, int oi, int n) {
        int i = 0;
        if (cs == 1 && as == 1 && bs == 1) {
            int up = S.loopBound(n);
            for (; i < up; i += S.length()) {
                FloatVector cv = FloatVector.fromArray(S, c, ci + i);
                FloatVector av = FloatVector.fromArray(S, a, ai + i);
                FloatVector bv = FloatVector.fromArray(S, b, bi + i);
                // NE is unordered-or-not-equal: a NaN condition counts as true, as c != 0f does
                bv.blend(av, cv.compare(VectorOperators.NE, 0f)).intoArray(o, oi + i);
            }
        }
        for (; i < n; i++) {
            o[oi + i] = c[ci + i * cs] != 0f ? a[ai + i * as] : b[bi + i * bs];
        }
    }
}

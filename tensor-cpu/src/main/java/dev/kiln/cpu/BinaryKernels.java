package dev.kiln.cpu;

import dev.kiln.core.backend.BinaryOp;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * SIMD rows of binary ops, one loop per op: the Vector API only compiles to
 * SIMD instructions when the operator is a constant at each call site.
 * Each method handles one stride pattern; tails and ops without a vector form use
 * {@link BinaryOp#apply}, the reference definition. MAX/MIN follow Math.max/min (NaN wins), as the
 * scalar definition does.
 */
final class BinaryKernels {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final FloatVector ONE = FloatVector.broadcast(S, 1f);
    private static final FloatVector ZERO = FloatVector.zero(S);

    private BinaryKernels() {
    }

    /** One row: {@code o[oi..oi+n) = a[ai + i*as] op b[bi + i*bs]}. */
    static void row(BinaryOp op, float[] a, int ai, int as, float[] b, int bi, int bs, float[] o, int oi, int n) {
        if (as == 1 && bs == 1) {
            vv(op, a, ai, b, bi, o, oi, n);
        } else if (as == 1 && bs == 0) {
            vs(op, a, ai, b, bi, o, oi, n);
        } else if (as == 0 && bs == 1) {
            sv(op, a, ai, b, bi, o, oi, n);
        } else {
            for (int i = 0; i < n; i++) {
                o[oi + i] = op.apply(a[ai + i * as], b[bi + i * bs]);
            }
        }
    }

    /** {@code o[oi..oi+n) = a * x[xi..] + b * y[yi..]}: two products rounded, then the sum (no FMA). */
    static void axpby(float a, float[] x, int xi, float b, float[] y, int yi, float[] o, int oi, int n) {
        FloatVector va = FloatVector.broadcast(S, a);
        FloatVector vb = FloatVector.broadcast(S, b);
        int i = 0;
        for (int up = S.loopBound(n); i < up; i += S.length()) {
            FloatVector.fromArray(S, x, xi + i).mul(va).add(FloatVector.fromArray(S, y, yi + i).mul(vb))
                    .intoArray(o, oi + i);
        }
        for (; i < n; i++) {
            o[oi + i] = a * x[xi + i] + b * y[yi + i];
        }
    }

    /** contiguous a and b. */
    private static void vv(BinaryOp op, float[] a, int ai, float[] b, int bi, float[] o, int oi, int n) {
        int i = 0;
        int up = S.loopBound(n);
        switch (op) {
            case ADD -> {
                for (; i < up; i += S.length()) {
                    FloatVector x = FloatVector.fromArray(S, a, ai + i), y = FloatVector.fromArray(S, b, bi + i);
                    x.add(y).intoArray(o, oi + i);
                }
            }
            case SUB -> {
                for (; i < up; i += S.length()) {
                    FloatVector x = FloatVector.fromArray(S, a, ai + i), y = FloatVector.fromArray(S, b, bi + i);
                    x.sub(y).intoArray(o, oi + i);
                }
            }
            case MUL -> {
                for (; i < up; i += S.length()) {
                    FloatVector x = FloatVector.fromArray(S, a, ai + i), y = FloatVector.fromArray(S, b, bi + i);
                    x.mul(y).intoArray(o, oi + i);
                }
            }
            case DIV -> {
                for (; i < up; i += S.length()) {
                    FloatVector x = FloatVector.fromArray(S, a, ai + i), y = FloatVector.fromArray(S, b, bi + i);
                    x.div(y).intoArray(o, oi + i);
                }
            }
            case MAX -> {
                for (; i < up; i += S.length()) {
                    FloatVector x = FloatVector.fromArray(S, a, ai + i), y = FloatVector.fromArray(S, b, bi + i);
                    x.max(y).intoArray(o, oi + i);
                }
            }
            case MIN -> {
                for (; i < up; i += S.length()) {
                    FloatVector x = FloatVector.fromArray(S, a, ai + i), y = FloatVector.fromArray(S, b, bi + i);
                    x.min(y).intoArray(o, oi + i);
                }
            }
            case EQ -> {
                for (; i < up; i += S.length()) {
                    FloatVector x = FloatVector.fromArray(S, a, ai + i), y = FloatVector.fromArray(S, b, bi + i);
                    ZERO.blend(ONE, x.compare(VectorOperators.EQ, y)).intoArray(o, oi + i);
                }
            }
            case NE -> {
                for (; i < up; i += S.length()) {
                    FloatVector x = FloatVector.fromArray(S, a, ai + i), y = FloatVector.fromArray(S, b, bi + i);
                    ZERO.blend(ONE, x.compare(VectorOperators.NE, y)).intoArray(o, oi + i);
                }
            }
            case LT -> {
                for (; i < up; i += S.length()) {
                    FloatVector x = FloatVector.fromArray(S, a, ai + i), y = FloatVector.fromArray(S, b, bi + i);
                    ZERO.blend(ONE, x.compare(VectorOperators.LT, y)).intoArray(o, oi + i);
                }
            }
            case LE -> {
                for (; i < up; i += S.length()) {
                    FloatVector x = FloatVector.fromArray(S, a, ai + i), y = FloatVector.fromArray(S, b, bi + i);
                    ZERO.blend(ONE, x.compare(VectorOperators.LE, y)).intoArray(o, oi + i);
                }
            }
            case GT -> {
                for (; i < up; i += S.length()) {
                    FloatVector x = FloatVector.fromArray(S, a, ai + i), y = FloatVector.fromArray(S, b, bi + i);
                    ZERO.blend(ONE, x.compare(VectorOperators.GT, y)).intoArray(o, oi + i);
                }
            }
            case GE -> {
                for (; i < up; i += S.length()) {
                    FloatVector x = FloatVector.fromArray(S, a, ai + i), y = FloatVector.fromArray(S, b, bi + i);
                    ZERO.blend(ONE, x.compare(VectorOperators.GE, y)).intoArray(o, oi + i);
                }
            }
            default -> { } // POW: scalar below
        }
        for (; i < n; i++) {
            o[oi + i] = op.apply(a[ai + i * 1], b[bi + i * 1]);
        }
    }

    /** contiguous a, scalar b. */
    private static void vs(BinaryOp op, float[] a, int ai, float[] b, int bi, float[] o, int oi, int n) {
        int i = 0;
        int up = S.loopBound(n);
        FloatVector y0 = FloatVector.broadcast(S, b[bi]);
        switch (op) {
            case ADD -> {
                for (; i < up; i += S.length()) {
                    FloatVector x = FloatVector.fromArray(S, a, ai + i), y = y0;
                    x.add(y).intoArray(o, oi + i);
                }
            }
            case SUB -> {
                for (; i < up; i += S.length()) {
                    FloatVector x = FloatVector.fromArray(S, a, ai + i), y = y0;
                    x.sub(y).intoArray(o, oi + i);
                }
            }
            case MUL -> {
                for (; i < up; i += S.length()) {
                    FloatVector x = FloatVector.fromArray(S, a, ai + i), y = y0;
                    x.mul(y).intoArray(o, oi + i);
                }
            }
            case DIV -> {
                for (; i < up; i += S.length()) {
                    FloatVector x = FloatVector.fromArray(S, a, ai + i), y = y0;
                    x.div(y).intoArray(o, oi + i);
                }
            }
            case MAX -> {
                for (; i < up; i += S.length()) {
                    FloatVector x = FloatVector.fromArray(S, a, ai + i), y = y0;
                    x.max(y).intoArray(o, oi + i);
                }
            }
            case MIN -> {
                for (; i < up; i += S.length()) {
                    FloatVector x = FloatVector.fromArray(S, a, ai + i), y = y0;
                    x.min(y).intoArray(o, oi + i);
                }
            }
            case EQ -> {
                for (; i < up; i += S.length()) {
                    FloatVector x = FloatVector.fromArray(S, a, ai + i), y = y0;
                    ZERO.blend(ONE, x.compare(VectorOperators.EQ, y)).intoArray(o, oi + i);
                }
            }
            case NE -> {
                for (; i < up; i += S.length()) {
                    FloatVector x = FloatVector.fromArray(S, a, ai + i), y = y0;
                    ZERO.blend(ONE, x.compare(VectorOperators.NE, y)).intoArray(o, oi + i);
                }
            }
            case LT -> {
                for (; i < up; i += S.length()) {
                    FloatVector x = FloatVector.fromArray(S, a, ai + i), y = y0;
                    ZERO.blend(ONE, x.compare(VectorOperators.LT, y)).intoArray(o, oi + i);
                }
            }
            case LE -> {
                for (; i < up; i += S.length()) {
                    FloatVector x = FloatVector.fromArray(S, a, ai + i), y = y0;
                    ZERO.blend(ONE, x.compare(VectorOperators.LE, y)).intoArray(o, oi + i);
                }
            }
            case GT -> {
                for (; i < up; i += S.length()) {
                    FloatVector x = FloatVector.fromArray(S, a, ai + i), y = y0;
                    ZERO.blend(ONE, x.compare(VectorOperators.GT, y)).intoArray(o, oi + i);
                }
            }
            case GE -> {
                for (; i < up; i += S.length()) {
                    FloatVector x = FloatVector.fromArray(S, a, ai + i), y = y0;
                    ZERO.blend(ONE, x.compare(VectorOperators.GE, y)).intoArray(o, oi + i);
                }
            }
            default -> { } // POW: scalar below
        }
        for (; i < n; i++) {
            o[oi + i] = op.apply(a[ai + i * 1], b[bi + i * 0]);
        }
    }

    /** scalar a, contiguous b. */
    private static void sv(BinaryOp op, float[] a, int ai, float[] b, int bi, float[] o, int oi, int n) {
        int i = 0;
        int up = S.loopBound(n);
        FloatVector x0 = FloatVector.broadcast(S, a[ai]);
        switch (op) {
            case ADD -> {
                for (; i < up; i += S.length()) {
                    FloatVector x = x0, y = FloatVector.fromArray(S, b, bi + i);
                    x.add(y).intoArray(o, oi + i);
                }
            }
            case SUB -> {
                for (; i < up; i += S.length()) {
                    FloatVector x = x0, y = FloatVector.fromArray(S, b, bi + i);
                    x.sub(y).intoArray(o, oi + i);
                }
            }
            case MUL -> {
                for (; i < up; i += S.length()) {
                    FloatVector x = x0, y = FloatVector.fromArray(S, b, bi + i);
                    x.mul(y).intoArray(o, oi + i);
                }
            }
            case DIV -> {
                for (; i < up; i += S.length()) {
                    FloatVector x = x0, y = FloatVector.fromArray(S, b, bi + i);
                    x.div(y).intoArray(o, oi + i);
                }
            }
            case MAX -> {
                for (; i < up; i += S.length()) {
                    FloatVector x = x0, y = FloatVector.fromArray(S, b, bi + i);
                    x.max(y).intoArray(o, oi + i);
                }
            }
            case MIN -> {
                for (; i < up; i += S.length()) {
                    FloatVector x = x0, y = FloatVector.fromArray(S, b, bi + i);
                    x.min(y).intoArray(o, oi + i);
                }
            }
            case EQ -> {
                for (; i < up; i += S.length()) {
                    FloatVector x = x0, y = FloatVector.fromArray(S, b, bi + i);
                    ZERO.blend(ONE, x.compare(VectorOperators.EQ, y)).intoArray(o, oi + i);
                }
            }
            case NE -> {
                for (; i < up; i += S.length()) {
                    FloatVector x = x0, y = FloatVector.fromArray(S, b, bi + i);
                    ZERO.blend(ONE, x.compare(VectorOperators.NE, y)).intoArray(o, oi + i);
                }
            }
            case LT -> {
                for (; i < up; i += S.length()) {
                    FloatVector x = x0, y = FloatVector.fromArray(S, b, bi + i);
                    ZERO.blend(ONE, x.compare(VectorOperators.LT, y)).intoArray(o, oi + i);
                }
            }
            case LE -> {
                for (; i < up; i += S.length()) {
                    FloatVector x = x0, y = FloatVector.fromArray(S, b, bi + i);
                    ZERO.blend(ONE, x.compare(VectorOperators.LE, y)).intoArray(o, oi + i);
                }
            }
            case GT -> {
                for (; i < up; i += S.length()) {
                    FloatVector x = x0, y = FloatVector.fromArray(S, b, bi + i);
                    ZERO.blend(ONE, x.compare(VectorOperators.GT, y)).intoArray(o, oi + i);
                }
            }
            case GE -> {
                for (; i < up; i += S.length()) {
                    FloatVector x = x0, y = FloatVector.fromArray(S, b, bi + i);
                    ZERO.blend(ONE, x.compare(VectorOperators.GE, y)).intoArray(o, oi + i);
                }
            }
            default -> { } // POW: scalar below
        }
        for (; i < n; i++) {
            o[oi + i] = op.apply(a[ai + i * 0], b[bi + i * 1]);
        }
    }
}

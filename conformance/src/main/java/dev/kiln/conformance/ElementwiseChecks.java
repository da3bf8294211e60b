package dev.kiln.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.core.backend.BinaryOp;
import dev.kiln.core.backend.UnaryOp;
import dev.kiln.core.tensor.Rng;
import dev.kiln.core.tensor.Shape;
import dev.kiln.core.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Element-wise ops, where, host transfer and random fill, compared with the reference backend. */
public abstract class ElementwiseChecks extends KitSupport {
    /** NaN, infinities, signed zeros, tiny and huge values: propagation must match the reference. */
    protected static final float[] SPECIAL = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 0f, -0f,
        1f, -1f, 1e-30f, 3e38f, -2.5f, 88f, -88f, 100f, 0.5f};

    private static float unaryTolerance(UnaryOp op) {
        // transcendental functions may use fast vectorised approximations: a few ulps
        return switch (op) {
            case EXP, LOG, TANH, SIGMOID, SIN, COS -> 2e-6f;
            default -> 1e-7f;
        };
    }

    @ParameterizedTest
    @EnumSource(UnaryOp.class)
    void unaryMatchesReferenceOnEveryShape(UnaryOp op) {
        for (int[] shape : shapes()) {
            float[] x = values(op.ordinal() + 11, Shape.numel(shape));
            compare(op + " " + Shape.str(shape), unaryTolerance(op), 1e-6f,
                    b -> b.unary(op, on(b, x, shape)));
        }
    }

    @ParameterizedTest
    @EnumSource(UnaryOp.class)
    void unaryOnStridedViewAndSpecialValues(UnaryOp op) {
        float[] x = values(3, 6 * 9);
        compare(op + " transposed view", unaryTolerance(op), 1e-6f, b -> b.unary(op, on(b, x, 6, 9).t()));
        compare(op + " sliced view", unaryTolerance(op), 1e-6f, b -> b.unary(op, on(b, x, 6, 9).slice(1, 2, 7)));
        compare(op + " special values", unaryTolerance(op), 1e-6f, b -> b.unary(op, on(b, SPECIAL, SPECIAL.length)));
    }

    private static final int[][][] BROADCAST_PAIRS = {
        {{}, {}}, {{5}, {}}, {{}, {5}}, {{3, 4}, {3, 4}}, {{3, 4}, {4}}, {{3, 1}, {1, 4}}, {{2, 3, 4}, {3, 1}},
        {{0, 4}, {4}}, {{1}, {0}}, {{2, 1, 3}, {2, 5, 1}}, {{1031}, {1031}}, {{67, 129}, {129}}, {{67, 129}, {67, 1}},
        {{2, 64, 33}, {1, 1, 33}}};

    @ParameterizedTest
    @EnumSource(BinaryOp.class)
    void binaryBroadcastsLikeNumpy(BinaryOp op) {
        for (int[][] pair : BROADCAST_PAIRS) {
            float[] a = op == BinaryOp.POW ? uniform(1, Shape.numel(pair[0]), 0.1f, 3f) : values(1, Shape.numel(pair[0]));
            float[] c = values(2, Shape.numel(pair[1]));
            // comparisons need some equal elements to be meaningful
            if (op.isComparison() && a.length > 2 && c.length > 0) {
                a[0] = c[0];
            }
            compare(op + " " + Shape.str(pair[0]) + " with " + Shape.str(pair[1]), 2e-6f, 1e-6f,
                    b -> b.binary(op, on(b, a, pair[0]), on(b, c, pair[1])));
        }
    }

    @ParameterizedTest
    @EnumSource(BinaryOp.class)
    void binaryOnViewsAndSpecialValues(BinaryOp op) {
        float[] a = values(5, 8 * 6);
        float[] c = values(6, 6 * 8);
        compare(op + " transposed operand", 2e-6f, 1e-6f, b -> b.binary(op, on(b, a, 8, 6), on(b, c, 8, 6).t().t()));
        compare(op + " transposed both", 2e-6f, 1e-6f, b -> b.binary(op, on(b, a, 8, 6).t(), on(b, c, 6, 8)));
        compare(op + " expanded view", 2e-6f, 1e-6f,
                b -> b.binary(op, on(b, a, 8, 6).slice(0, 0, 1).expand(5, 6), on(b, c, 8, 6).slice(0, 2, 7)));
        int n = SPECIAL.length;
        float[] rev = new float[n];
        for (int i = 0; i < n; i++) {
            rev[i] = SPECIAL[n - 1 - i];
        }
        compare(op + " special values", 2e-6f, 1e-6f, b -> b.binary(op, on(b, SPECIAL, n), on(b, rev, n)));
        compare(op + " special x self", 2e-6f, 1e-6f, b -> b.binary(op, on(b, SPECIAL, n), on(b, SPECIAL, n)));
    }

    @Test
    void axpbyIsTheRoundedSumOfTwoProducts() {
        float[] x = values(21, 1031);
        float[] y = values(22, 1031);
        // the optimizers' shapes of use: w + (-lr) g, and moving averages; exact, as the SPI promises
        compare("axpby w - lr g", 0f, 0f, b -> b.axpby(1f, on(b, x, 1031), -0.01f, on(b, y, 1031)));
        compare("axpby moving average", 0f, 0f, b -> b.axpby(0.9f, on(b, x, 1031), 0.1f, on(b, y, 1031)));
        compare("axpby on views", 0f, 0f,
                b -> b.axpby(0.5f, on(b, x, 1031).slice(0, 3, 1003), -3f, on(b, y, 1031).slice(0, 1, 1001)));
        float[] sq = values(23, 1024);
        compare("axpby transposed", 0f, 0f, b -> b.axpby(2f, on(b, sq, 32, 32).t(), 0.25f, on(b, sq, 32, 32)));
        int n = SPECIAL.length;
        compare("axpby special values", 0f, 0f, b -> b.axpby(1f, on(b, SPECIAL, n), -1e-3f, on(b, SPECIAL, n)));
        compare("axpby empty", 0f, 0f, b -> b.axpby(1f, b.full(new int[] {0, 3}, 1f), 2f, b.full(new int[] {0, 3}, 1f)));
    }

    @Test
    void whereSelectsWithBroadcasting() {
        float[] cond = {1, 0, 0, 1, 1, 0};
        float[] a = values(7, 6);
        float[] c = values(8, 3);
        compare("where full", b -> b.where(on(b, cond, 2, 3), on(b, a, 2, 3), on(b, a, 2, 3).neg()));
        compare("where broadcast", b -> b.where(on(b, cond, 2, 3), on(b, a, 2, 3), on(b, c, 3)));
        compare("where scalar branches", b -> b.where(on(b, cond, 6), Tensor.full(b, 5f), Tensor.full(b, -5f)));
        compare("where transposed cond", b -> b.where(on(b, cond, 3, 2).t(), on(b, a, 2, 3), on(b, c, 3)));
        float[] big = values(9, 1031);
        compare("where large", b -> b.where(on(b, big, 1031).gt(0f), on(b, big, 1031), Tensor.zeros(b, 1)));
    }

    @Test
    void hostTransferRoundTripsAndResolvesViews() {
        for (int[] shape : shapes()) {
            float[] x = values(12, Shape.numel(shape));
            Tensor t = run("fromArray", b -> on(b, x, shape));
            assertThat(t.shape()).containsExactly(shape);
            assertThat(t.toArray()).containsExactly(x);
        }
        float[] x = values(13, 24);
        compare("toArray of permuted view", b -> on(b, x, 2, 3, 4).permute(2, 0, 1));
        compare("full", b -> b.full(new int[] {3, 4}, 2.5f));
        compare("full empty", b -> b.full(new int[] {0, 4}, 1f));
        compare("contiguous of permuted", b -> b.contiguous(on(b, x, 2, 3, 4).permute(1, 2, 0)));
        compare("contiguous of slice", b -> b.contiguous(on(b, x, 4, 6).slice(1, 1, 5).slice(0, 1, 3)));
        compare("contiguous of expand", b -> b.contiguous(on(b, x, 24, 1).expand(24, 3)));
    }

    @Test
    void randomFillIsTheSeededStreamOfTheReference() {
        compare("randomUniform", 1e-6f, 1e-6f, b -> b.randomUniform(new int[] {33, 17}, 42L, 5L, -2f, 3f));
        compare("randomNormal", 1e-5f, 1e-5f, b -> b.randomNormal(new int[] {1031}, 7L, 0L, 1f, 2f));
        Tensor u = run("randomUniform", b -> Tensor.uniform(b, new Rng(3), 0f, 1f, 20000));
        float[] v = u.toArray();
        double mean = 0;
        for (float f : v) {
            assertThat(f).isBetween(0f, 1f);
            mean += f / v.length;
        }
        assertThat(mean).isCloseTo(0.5, org.assertj.core.data.Offset.offset(0.01));
    }
}

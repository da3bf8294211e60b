package dev.kiln.cpu;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Max pooling over non-overlapping 2 x 2 windows of a contiguous {@code [planes, H, W]} view,
 * sixteen windows at a time: each window's value and position in one pass, planes split across
 * tasks. The winner rule is the composition's (Backend's default, which serves every other window
 * size): the first maximum in row-major order, or the first NaN. Which of four neighbouring pixels
 * wins is a coin toss on real images, so the rule runs as lane-wise blends, not branches.
 */
final class PoolKernels {
    /** Written for 16-lane vectors (AVX-512). */
    static final boolean AVAILABLE = GemmKernels.V == 16;
    private static final long GRAIN = 1 << 15;
    private static final VectorSpecies<Float> S = GemmKernels.S;
    /**
     * {@code 0, 2, ..., 30} and {@code 1, 3, ..., 31}: lane selectors of the even and odd columns of
     * two concatenated vectors; the even one is also each window's column offset in its row pair.
     */
    private static final FloatVector EVEN = AVAILABLE ? lanes(0) : null;
    private static final FloatVector ODD = AVAILABLE ? lanes(1) : null;

    private PoolKernels() {
    }

    static void maxPool2x2(Parallel pool, float[] x, int xOff, int planes, int h, int w, float[] out, float[] index) {
        int ho = h / 2;
        int wo = w / 2;
        int tasks = Math.min(planes, pool.tasksFor((long) planes * h * w, GRAIN));
        pool.run(tasks, t -> {
            for (int plane = Parallel.split(planes, tasks, t); plane < Parallel.split(planes, tasks, t + 1); plane++) {
                plane(x, xOff, plane * h * w, ho, wo, w, out, index, plane * ho * wo);
            }
        });
    }

    private static FloatVector lanes(int first) {
        float[] v = new float[16];
        for (int l = 0; l < 16; l++) {
            v[l] = first + 2 * l;
        }
        return FloatVector.fromArray(S, v, 0);
    }

    /**
     * One plane: the two rows of 32 values behind sixteen windows split into even and odd columns,
     * then three take-if-larger steps as blends (masked at a row's end).
     */
    private static void plane(float[] x, int xOff, int start, int ho, int wo, int w, float[] out, float[] index, int m) {
        for (int i = 0; i < ho; i++) {
            int r0 = start + 2 * i * w;
            for (int j = 0; j < wo; j += 16) {
                int c = Math.min(16, wo - j);
                VectorMask<Float> lo = S.indexInRange(0, Math.min(16, 2 * c));
                VectorMask<Float> hi = S.indexInRange(0, Math.max(0, 2 * c - 16));
                int a = xOff + r0 + 2 * j;
                int b = a + w;
                FloatVector a0 = FloatVector.fromArray(S, x, a, lo);
                FloatVector a1 = FloatVector.fromArray(S, x, a + 16, hi);
                FloatVector b0 = FloatVector.fromArray(S, x, b, lo);
                FloatVector b1 = FloatVector.fromArray(S, x, b + 16, hi);
                FloatVector top = EVEN.selectFrom(a0, a1);
                FloatVector first = EVEN.add((float) (r0 + 2 * j)); // exact: positions stay below 2^24
                FloatVector pos = first;
                FloatVector v = ODD.selectFrom(a0, a1);
                VectorMask<Float> take = v.compare(VectorOperators.LE, top).not().and(top.compare(VectorOperators.EQ, top));
                top = top.blend(v, take);
                pos = pos.blend(first.add(1f), take);
                v = EVEN.selectFrom(b0, b1);
                take = v.compare(VectorOperators.LE, top).not().and(top.compare(VectorOperators.EQ, top));
                top = top.blend(v, take);
                pos = pos.blend(first.add((float) w), take);
                v = ODD.selectFrom(b0, b1);
                take = v.compare(VectorOperators.LE, top).not().and(top.compare(VectorOperators.EQ, top));
                top = top.blend(v, take);
                pos = pos.blend(first.add((float) (w + 1)), take);
                VectorMask<Float> outputs = S.indexInRange(0, c);
                top.intoArray(out, m + j, outputs);
                pos.intoArray(index, m + j, outputs);
            }
            m += wo;
        }
    }
}

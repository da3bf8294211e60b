package dev.kiln.cpu;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Max pooling over non-overlapping {@code k x k} windows of a contiguous {@code [planes, H, W]}
 * view: each window's value and position in one pass, planes split across tasks. The winner rule
 * is the composition's (Backend's default): the first maximum in row-major order, or the first NaN.
 */
final class PoolKernels {
    private static final long GRAIN = 1 << 15;
    private static final VectorSpecies<Float> S = GemmKernels.S;
    /** Sixteen windows at a time: lane selectors of the even and odd columns of 32 values. */
    private static final boolean SIMD = GemmKernels.V == 16;
    private static final FloatVector EVEN = SIMD ? lanes(0) : null;
    private static final FloatVector ODD = SIMD ? lanes(1) : null;
    private static final FloatVector TWICE = SIMD ? lanes(0) : null;

    private PoolKernels() {
    }

    static void maxPool(Parallel pool, float[] x, int xOff, int planes, int h, int w, int k, float[] out,
                        float[] index) {
        int ho = h / k;
        int wo = w / k;
        int tasks = Math.min(planes, pool.tasksFor((long) planes * h * w, GRAIN));
        pool.run(tasks, t -> {
            for (int plane = Parallel.split(planes, tasks, t); plane < Parallel.split(planes, tasks, t + 1); plane++) {
                int start = plane * h * w;
                if (k == 2 && SIMD) {
                    pairsSimd(x, xOff, start, ho, wo, w, out, index, plane * ho * wo);
                    continue;
                }
                if (k == 2) {
                    pairs(x, xOff, start, ho, wo, w, out, index, plane * ho * wo);
                    continue;
                }
                int m = plane * ho * wo;
                for (int i = 0; i < ho; i++) {
                    for (int j = 0; j < wo; j++, m++) {
                        int best = start + i * k * w + j * k;
                        float top = x[xOff + best];
                        for (int di = 0; di < k; di++) {
                            int row = start + (i * k + di) * w + j * k;
                            for (int dj = 0; dj < k; dj++) {
                                float v = x[xOff + row + dj];
                                // larger, or the first NaN; once the best is NaN it stays
                                if (!(v <= top) && top == top) {
                                    best = row + dj;
                                    top = v;
                                }
                            }
                        }
                        out[m] = top;
                        index[m] = best;
                    }
                }
            }
        });
    }

    /**
     * The 2 x 2 windows of one plane, written so that each step is a select (a conditional move)
     * rather than a branch: which of four neighbouring pixels wins is a coin toss on real images,
     * and mispredicted branches cost more than the compares.
     */
    private static void pairs(float[] x, int xOff, int start, int ho, int wo, int w, float[] out, float[] index, int m) {
        for (int i = 0; i < ho; i++) {
            int r0 = start + 2 * i * w;
            int r1 = r0 + w;
            for (int j = 0; j < wo; j++, m++) {
                int p = r0 + 2 * j;
                int q = r1 + 2 * j;
                int best = p;
                float top = x[xOff + p];
                float v = x[xOff + p + 1];
                boolean take = !(v <= top) && top == top;
                best = take ? p + 1 : best;
                top = take ? v : top;
                v = x[xOff + q];
                take = !(v <= top) && top == top;
                best = take ? q : best;
                top = take ? v : top;
                v = x[xOff + q + 1];
                take = !(v <= top) && top == top;
                best = take ? q + 1 : best;
                top = take ? v : top;
                out[m] = top;
                index[m] = best;
            }
        }
    }

    /** {@code first, first + 2, ..., first + 30}: a selector into two concatenated vectors. */
    private static FloatVector lanes(int first) {
        float[] v = new float[16];
        for (int l = 0; l < 16; l++) {
            v[l] = first + 2 * l;
        }
        return FloatVector.fromArray(S, v, 0);
    }

    /**
     * {@link #pairs} sixteen windows at a time: the two rows of 32 values split into even and odd
     * columns, then the same three take-if-larger steps as lane-wise blends (masked at a row's end),
     * so values and positions are those of the scalar rule.
     */
    private static void pairsSimd(float[] x, int xOff, int start, int ho, int wo, int w, float[] out, float[] index,
                                  int m) {
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
                FloatVector pos = TWICE.add((float) (r0 + 2 * j)); // exact: positions stay below 2^24
                FloatVector first = pos;
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

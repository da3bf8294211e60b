package dev.kiln.cpu;

/**
 * Max pooling over non-overlapping {@code k x k} windows of a contiguous {@code [planes, H, W]}
 * view: each window's value and position in one pass, planes split across tasks. The winner rule
 * is the composition's (Backend's default): the first maximum in row-major order, or the first NaN.
 */
final class PoolKernels {
    private static final long GRAIN = 1 << 15;

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
}

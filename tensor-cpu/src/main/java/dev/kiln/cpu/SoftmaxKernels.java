package dev.kiln.cpu;

import dev.kiln.core.backend.ReduceOp;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Fused softmax, log-softmax and softmax-cross-entropy: one pass for the maximum, one for the
 * exponentials and their sum, one to normalise, with no intermediate tensors. The arithmetic
 * follows the reference composition step by step (shift by the max in float, {@code Math.exp},
 * sum in double in index order, divide or subtract the float log), so the values match it
 * exactly, not just within tolerance.
 */
final class SoftmaxKernels {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final long GRAIN = 1 << 14;

    private SoftmaxKernels() {
    }

    /**
     * Softmax (or log-softmax) of contiguous {@code x} viewed as {@code [outer, len, inner]} along the
     * middle axis, into contiguous {@code out} of the same layout.
     */
    static void softmax(Parallel pool, float[] x, int xOff, int outer, int len, int inner, float[] out, boolean log) {
        int lines = outer * inner;
        int tasks = Math.min(Math.max(lines, 1), pool.tasksFor((long) lines * len, GRAIN));
        pool.run(tasks, t -> {
            for (int line = Parallel.split(lines, tasks, t); line < Parallel.split(lines, tasks, t + 1); line++) {
                int o = line / inner;
                int j = line % inner;
                int off = o * len * inner + j;
                if (inner == 1) {
                    line(x, xOff + off, out, off, len, log);
                } else {
                    stridedLine(x, xOff + off, out, off, len, inner, log);
                }
            }
        });
    }

    private static void line(float[] x, int xi, float[] o, int oi, int len, boolean log) {
        if (len == 0) {
            return;
        }
        float max = Reductions.row(ReduceOp.MAX, x, xi, len);
        double sum = 0;
        for (int i = 0; i < len; i++) {
            float e = (float) Math.exp(x[xi + i] - max);
            sum += e;
            if (!log) {
                o[oi + i] = e;
            }
        }
        if (log) {
            float lse = (float) Math.log((float) sum);
            FloatVector m = FloatVector.broadcast(S, max);
            FloatVector l = FloatVector.broadcast(S, lse);
            int i = 0;
            for (int up = S.loopBound(len); i < up; i += S.length()) {
                FloatVector.fromArray(S, x, xi + i).sub(m).sub(l).intoArray(o, oi + i);
            }
            for (; i < len; i++) {
                o[oi + i] = (x[xi + i] - max) - lse;
            }
        } else {
            float s = (float) sum;
            FloatVector sv = FloatVector.broadcast(S, s);
            int i = 0;
            for (int up = S.loopBound(len); i < up; i += S.length()) {
                FloatVector.fromArray(S, o, oi + i).div(sv).intoArray(o, oi + i);
            }
            for (; i < len; i++) {
                o[oi + i] /= s;
            }
        }
    }

    private static void stridedLine(float[] x, int xi, float[] o, int oi, int len, int st, boolean log) {
        if (len == 0) {
            return;
        }
        float max = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < len; i++) {
            float v = x[xi + i * st];
            max = Float.isNaN(max) || Float.isNaN(v) ? Float.NaN : Math.max(max, v);
        }
        double sum = 0;
        for (int i = 0; i < len; i++) {
            float e = (float) Math.exp(x[xi + i * st] - max);
            sum += e;
            o[oi + i * st] = e;
        }
        float s = (float) sum;
        float lse = (float) Math.log(s);
        for (int i = 0; i < len; i++) {
            o[oi + i * st] = log ? (x[xi + i * st] - max) - lse : o[oi + i * st] / s;
        }
    }

    /**
     * Per-row {@code -log softmax(logits)[n, label[n]]} for {@code logits[n, c]} at
     * {@code x[xOff + n*rs + c*cs]} and labels at {@code lab[lOff + n*ls]}.
     */
    static void crossEntropy(Parallel pool, float[] x, int xOff, int rs, int cs, int rows, int classes,
                             float[] lab, int lOff, int ls, float[] out) {
        for (int n = 0; n < rows; n++) { // validate first: a bad label is a clear error, not a silent 0
            float y = lab[lOff + n * ls];
            if (!(y >= 0 && y < classes && y == Math.rint(y))) {
                throw new IllegalArgumentException("softmaxCrossEntropy: label " + y + " at row " + n
                        + " is not a class index in [0, " + classes + ")");
            }
        }
        int tasks = Math.min(Math.max(rows, 1), pool.tasksFor((long) rows * classes, GRAIN));
        pool.run(tasks, t -> {
            for (int n = Parallel.split(rows, tasks, t); n < Parallel.split(rows, tasks, t + 1); n++) {
                int base = xOff + n * rs;
                float max = cs == 1 ? Reductions.row(ReduceOp.MAX, x, base, classes)
                        : stridedMax(x, base, cs, classes);
                double sum = 0;
                for (int c = 0; c < classes; c++) {
                    sum += (float) Math.exp(x[base + c * cs] - max);
                }
                float lse = (float) Math.log((float) sum);
                int label = (int) lab[lOff + n * ls];
                out[n] = -((x[base + label * cs] - max) - lse);
            }
        });
    }

    private static float stridedMax(float[] x, int base, int st, int len) {
        float max = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < len; i++) {
            float v = x[base + i * st];
            max = Float.isNaN(max) || Float.isNaN(v) ? Float.NaN : Math.max(max, v);
        }
        return max;
    }
}

package dev.kiln.cpu;

import dev.kiln.core.backend.ReduceOp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Reductions over any set of axes of a strided tensor. The axes are split into kept and reduced
 * groups (each merged where memory allows), then one of three plans runs:
 * <ol>
 *   <li>the innermost reduced run is contiguous (sum of rows, of everything): SIMD row reductions;</li>
 *   <li>the innermost kept run is contiguous (sum over the batch axis of {@code [N, C]}): SIMD
 *       accumulation of whole rows into an output row;</li>
 *   <li>anything else: scalar odometer.</li>
 * </ol>
 * Sums are accumulated in float lanes and folded in a fixed order (never {@code reduceLanes}, whose
 * order may differ between interpreted and compiled code), and work is split at positions that do
 * not depend on the thread count, so results are bit-identical for any number of threads.
 */
final class Reductions {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /** Elements per chunk when one long contiguous reduction is split across threads. */
    private static final int CHUNK = 1 << 15;
    private static final long GRAIN = 1 << 15;

    private Reductions() {
    }

    /** Dimension groups: sizes and x-strides, outermost first. */
    private record Dims(int[] size, int[] stride) {
        int count() {
            int n = 1;
            for (int s : size) {
                n *= s;
            }
            return n;
        }

        /** Storage offset (relative) of the group's multi-index number {@code linear}. */
        int offset(int linear) {
            int off = 0;
            for (int d = size.length - 1; d >= 0; d--) {
                off += (linear % size[d]) * stride[d];
                linear /= size[d];
            }
            return off;
        }
    }

    private static Dims group(int[] shape, int[] strides, boolean[] pick) {
        List<int[]> dims = new ArrayList<>();
        for (int d = 0; d < shape.length; d++) {
            if (!pick[d] || shape[d] == 1) {
                continue;
            }
            if (!dims.isEmpty()) {
                int[] last = dims.get(dims.size() - 1);
                if (last[1] == strides[d] * shape[d]) { // the outer one steps over exactly this run
                    last[0] *= shape[d];
                    last[1] = strides[d];
                    continue;
                }
            }
            dims.add(new int[] {shape[d], strides[d]});
        }
        int[] size = new int[dims.size()];
        int[] stride = new int[dims.size()];
        for (int i = 0; i < size.length; i++) {
            size[i] = dims.get(i)[0];
            stride[i] = dims.get(i)[1];
        }
        return new Dims(size, stride);
    }

    /** Reduces {@code x} (data/offset/shape/strides) over {@code axes} into the contiguous {@code out}. */
    static void reduce(Parallel pool, ReduceOp op, float[] x, int xOff, int[] shape, int[] strides, int[] axes,
                       float[] out) {
        boolean[] reduced = new boolean[shape.length];
        for (int a : axes) {
            reduced[a] = true;
        }
        boolean[] kept = new boolean[shape.length];
        long count = 1;
        for (int d = 0; d < shape.length; d++) {
            kept[d] = !reduced[d];
            if (reduced[d]) {
                count *= shape[d];
            }
        }
        Dims k = group(shape, strides, kept);
        Dims r = group(shape, strides, reduced);
        int outN = out.length;
        if (outN == 0) {
            return;
        }
        int rr = r.size().length;
        int kr = k.size().length;
        if (count == 0) {
            Arrays.fill(out, op == ReduceOp.MEAN ? Float.NaN : op.identity());
            return;
        }
        if (rr > 0 && r.stride()[rr - 1] == 1) {
            rowPlan(pool, op, x, xOff, k, r, out);
        } else if (kr > 0 && k.stride()[kr - 1] == 1) {
            columnPlan(pool, op, x, xOff, k, r, out);
        } else {
            scalarPlan(pool, op, x, xOff, k, r, out);
        }
        if (op == ReduceOp.MEAN) {
            float n = count;
            for (int i = 0; i < outN; i++) {
                out[i] /= n;
            }
        }
    }

    /** Plan 1: every output folds contiguous rows of length {@code len}. */
    private static void rowPlan(Parallel pool, ReduceOp op, float[] x, int xOff, Dims k, Dims r, float[] out) {
        int rr = r.size().length;
        int len = r.size()[rr - 1];
        Dims outerR = new Dims(Arrays.copyOf(r.size(), rr - 1), Arrays.copyOf(r.stride(), rr - 1));
        int blocks = outerR.count();
        int outN = out.length;
        if (outN == 1 && blocks == 1 && len >= 2 * CHUNK) {
            // one long contiguous run: fixed-size chunks, partials folded in chunk order (the same
            // order on one thread as on many)
            int chunks = Gemm.ceilDiv(len, CHUNK);
            float[] partial = new float[chunks];
            int tasks = pool.tasksFor(len, CHUNK);
            pool.run(tasks, t -> {
                for (int c = Parallel.split(chunks, tasks, t); c < Parallel.split(chunks, tasks, t + 1); c++) {
                    int s = c * CHUNK;
                    partial[c] = row(op, x, xOff + s, Math.min(CHUNK, len - s));
                }
            });
            float acc = op.identity();
            for (float p : partial) {
                acc = op.combine(acc, p);
            }
            out[0] = acc;
            return;
        }
        int tasks = pool.tasksFor((long) outN * blocks * len, GRAIN);
        tasks = Math.min(tasks, outN);
        int tasksF = tasks;
        pool.run(tasks, t -> {
            for (int o = Parallel.split(outN, tasksF, t); o < Parallel.split(outN, tasksF, t + 1); o++) {
                int base = xOff + k.offset(o);
                float acc = op.identity();
                for (int b = 0; b < blocks; b++) {
                    acc = op.combine(acc, row(op, x, base + outerR.offset(b), len));
                }
                out[o] = acc;
            }
        });
    }

    /** Folds {@code x[off .. off+len)} with SIMD lanes, then the lanes in order. */
    static float row(ReduceOp op, float[] x, int off, int len) {
        int i = 0;
        int up = S.loopBound(len);
        float acc = op.identity();
        if (up > 0) {
            FloatVector v = FloatVector.fromArray(S, x, off);
            i = L;
            switch (op) {
                case SUM, MEAN -> {
                    for (; i < up; i += L) {
                        v = v.add(FloatVector.fromArray(S, x, off + i));
                    }
                }
                case MAX -> { // lanewise max has Math.max semantics: NaN propagates
                    for (; i < up; i += L) {
                        v = v.max(FloatVector.fromArray(S, x, off + i));
                    }
                }
                case MIN -> {
                    for (; i < up; i += L) {
                        v = v.min(FloatVector.fromArray(S, x, off + i));
                    }
                }
            }
            for (int l = 0; l < L; l++) {
                acc = op.combine(acc, v.lane(l));
            }
        }
        for (; i < len; i++) {
            acc = op.combine(acc, x[off + i]);
        }
        return acc;
    }

    /** Plan 2: the innermost kept run (length {@code cols}) is contiguous; rows are folded lane-wise. */
    private static void columnPlan(Parallel pool, ReduceOp op, float[] x, int xOff, Dims k, Dims r, float[] out) {
        int kr = k.size().length;
        int cols = k.size()[kr - 1];
        Dims outerK = new Dims(Arrays.copyOf(k.size(), kr - 1), Arrays.copyOf(k.stride(), kr - 1));
        int rows = outerK.count();
        int blocks = r.count();
        int tasks = pool.tasksFor((long) out.length * blocks, GRAIN);
        boolean byRows = rows >= tasks;
        int colTasks = byRows ? 1 : tasks;
        pool.run(tasks, t -> {
            int r0 = byRows ? Parallel.split(rows, tasks, t) : 0;
            int r1 = byRows ? Parallel.split(rows, tasks, t + 1) : rows;
            int c0 = byRows ? 0 : Parallel.split(cols, colTasks, t);
            int c1 = byRows ? cols : Parallel.split(cols, colTasks, t + 1);
            for (int row = r0; row < r1; row++) {
                int o = row * cols;
                Arrays.fill(out, o + c0, o + c1, op.identity());
                int base = xOff + outerK.offset(row);
                for (int b = 0; b < blocks; b++) {
                    accumulate(op, x, base + r.offset(b) + c0, out, o + c0, c1 - c0);
                }
            }
        });
    }

    private static void accumulate(ReduceOp op, float[] x, int xi, float[] acc, int ai, int n) {
        int i = 0;
        int up = S.loopBound(n);
        switch (op) {
            case SUM, MEAN -> {
                for (; i < up; i += L) {
                    FloatVector.fromArray(S, acc, ai + i).add(FloatVector.fromArray(S, x, xi + i)).intoArray(acc, ai + i);
                }
            }
            case MAX -> {
                for (; i < up; i += L) {
                    FloatVector.fromArray(S, acc, ai + i).max(FloatVector.fromArray(S, x, xi + i)).intoArray(acc, ai + i);
                }
            }
            case MIN -> {
                for (; i < up; i += L) {
                    FloatVector.fromArray(S, acc, ai + i).min(FloatVector.fromArray(S, x, xi + i)).intoArray(acc, ai + i);
                }
            }
        }
        for (; i < n; i++) {
            acc[ai + i] = op.combine(acc[ai + i], x[xi + i]);
        }
    }

    /** Plan 3: scalar, any strides. */
    private static void scalarPlan(Parallel pool, ReduceOp op, float[] x, int xOff, Dims k, Dims r, float[] out) {
        int outN = out.length;
        int blocks = r.count();
        int tasks = Math.min(outN, pool.tasksFor((long) outN * blocks, GRAIN));
        pool.run(tasks, t -> {
            for (int o = Parallel.split(outN, tasks, t); o < Parallel.split(outN, tasks, t + 1); o++) {
                int base = xOff + k.offset(o);
                float acc = op.identity();
                for (int b = 0; b < blocks; b++) {
                    acc = op.combine(acc, x[base + r.offset(b)]);
                }
                out[o] = acc;
            }
        });
    }

    /** Index of the first maximum along an axis; NaN counts as the maximum (first NaN wins). */
    static void argmax(Parallel pool, float[] x, int xOff, int[] shape, int[] strides, int axis, float[] out) {
        boolean[] kept = new boolean[shape.length];
        Arrays.fill(kept, true);
        kept[axis] = false;
        Dims k = group(shape, strides, kept);
        int len = shape[axis];
        int st = strides[axis];
        int outN = out.length;
        int tasks = Math.min(outN, pool.tasksFor((long) outN * len, GRAIN));
        pool.run(tasks, t -> {
            for (int o = Parallel.split(outN, tasks, t); o < Parallel.split(outN, tasks, t + 1); o++) {
                int base = xOff + k.offset(o);
                int best = 0;
                float bestV = x[base];
                for (int i = 1; i < len && !Float.isNaN(bestV); i++) {
                    float v = x[base + i * st];
                    if (v > bestV || Float.isNaN(v)) {
                        best = i;
                        bestV = v;
                    }
                }
                out[o] = best;
            }
        });
    }
}

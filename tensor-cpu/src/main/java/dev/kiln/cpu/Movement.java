package dev.kiln.cpu;

import dev.kiln.core.tensor.Shape;
import dev.kiln.core.tensor.Tensor;
import java.util.Arrays;
import java.util.List;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/** Copies, concatenation, gathers and scatters. Contiguous runs move with {@link System#arraycopy}. */
final class Movement {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final long GRAIN = 1 << 16;
    /** Narrowest column range (floats) that {@code indexAdd} hands a thread when it splits rows by columns. */
    private static final int MIN_SPLIT_COLUMNS = 1024;
    /** Source rows per chunk when {@code indexAdd} splits by rows into partial outputs. */
    private static final int CHUNK_ROWS = 4096;
    /** Largest output (floats) that {@code indexAdd} duplicates into per-chunk partials. */
    private static final long MAX_PARTIAL = 1 << 16;

    private final CpuBackend backend;
    private final Parallel pool;

    Movement(CpuBackend backend, Parallel pool) {
        this.backend = backend;
        this.pool = pool;
    }

    /** Copies {@code x} into {@code dst}, element (i..) going to {@code dstOff + sum(i_d * dstStrides[d])}. */
    void copyInto(Tensor x, float[] dst, int dstOff, int[] dstStrides) {
        float[] src = CpuBackend.data(x);
        StridedLoop loop = StridedLoop.of(x.shape(), new int[] {dstOff, x.offset()}, dstStrides, x.strides());
        int ds = loop.innerStride(0);
        int ss = loop.innerStride(1);
        loop.forAll(pool, GRAIN, (offs, len) -> {
            if (ds == 1 && ss == 1) {
                System.arraycopy(src, offs[1], dst, offs[0], len);
            } else {
                for (int i = 0, d = offs[0], s = offs[1]; i < len; i++, d += ds, s += ss) {
                    dst[d] = src[s];
                }
            }
        });
    }

    Tensor concat(List<Tensor> xs, int axis) {
        int[] shape = xs.get(0).shape();
        shape[axis] = 0;
        for (Tensor t : xs) {
            shape[axis] += t.shape()[axis];
        }
        Tensor out = backend.alloc(shape);
        float[] o = CpuBackend.data(out);
        int[] outStrides = Shape.contiguousStrides(shape);
        int start = 0;
        for (Tensor t : xs) {
            copyInto(t, o, start * outStrides[axis], outStrides);
            start += t.shape()[axis];
        }
        return out;
    }

    /** Index tensor values as ints, each checked to be an integer in {@code [0, size)}. */
    private static int[] indices(String op, Tensor index, int size) {
        float[] v = index.backend().toArray(index);
        int[] idx = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            if (!(v[i] >= 0 && v[i] < size && v[i] == Math.rint(v[i]))) {
                throw new IllegalArgumentException(op + ": index " + v[i] + " at position " + i
                        + " is not an integer in [0, " + size + ")");
            }
            idx[i] = (int) v[i];
        }
        return idx;
    }

    Tensor indexSelect(Tensor x, int axis, Tensor index) {
        int[] shape = x.shape();
        int[] idx = indices("indexSelect", index, shape[axis]);
        int[] outShape = shape.clone();
        outShape[axis] = idx.length;
        Tensor out = backend.alloc(outShape);
        float[] o = CpuBackend.data(out);
        if (o.length == 0) {
            return out;
        }
        float[] xd = CpuBackend.data(x);
        int outer = outerSize(shape, axis);
        int inner = o.length / outer / idx.length;
        if (x.isContiguous()) { // rows of `inner` floats: the embedding-lookup case
            int axisLen = shape[axis];
            int base = x.offset();
            int tasks = Math.min(outer, pool.tasksFor(o.length, GRAIN));
            pool.run(tasks, t -> {
                for (int q = Parallel.split(outer, tasks, t); q < Parallel.split(outer, tasks, t + 1); q++) {
                    for (int i = 0; i < idx.length; i++) {
                        System.arraycopy(xd, base + (q * axisLen + idx[i]) * inner, o, (q * idx.length + i) * inner, inner);
                    }
                }
            });
            return out;
        }
        int[] xs = x.strides();
        int[] outStrides = Shape.contiguousStrides(outShape);
        int[] sliceShape = shape.clone();
        sliceShape[axis] = 1;
        for (int i = 0; i < idx.length; i++) {
            Tensor slice = Tensor.view(x.storage(), sliceShape, xs, x.offset() + idx[i] * xs[axis]);
            copyInto(slice, o, i * outStrides[axis], outStrides);
        }
        return out;
    }

    private static int outerSize(int[] shape, int axis) {
        int outer = 1;
        for (int d = 0; d < axis; d++) {
            outer *= shape[d];
        }
        return outer;
    }

    Tensor indexAdd(Tensor base, int axis, Tensor index, Tensor src) {
        int[] shape = base.shape();
        int[] idx = indices("indexAdd", index, shape[axis]);
        Tensor out = backend.contiguous(base);
        float[] o = CpuBackend.data(out);
        Tensor s = src.isContiguous() ? src : backend.contiguous(src);
        float[] sd = CpuBackend.data(s);
        int sOff = s.offset();
        int outer = 1;
        for (int d = 0; d < axis; d++) {
            outer *= shape[d];
        }
        int inner = 1;
        for (int d = axis + 1; d < shape.length; d++) {
            inner *= shape[d];
        }
        int axisLen = shape[axis];
        int innerF = inner;
        int outerF = outer;
        // Every output element takes its additions in index order whoever runs it, so splitting by
        // outer slices or by column ranges keeps repeated indices deterministic.
        int wanted = pool.tasksFor((long) outer * idx.length * inner, GRAIN);
        boolean byOuter = outer >= wanted;
        // Column ranges narrower than ~1K floats per thread read each source row in pieces that the
        // threads' prefetchers both fetch: measured slower than one thread (60000 x 784 into 10 rows:
        // 12.8 ms on one thread, 15.2 ms on two; 8192 columns: 15.1 vs 10.8 ms).
        int tasks = byOuter || inner / wanted >= MIN_SPLIT_COLUMNS ? wanted : 1;
        // chosen by shape alone (never by thread count): its summation order differs from the others'
        if (outer == 1 && idx.length >= 2 * CHUNK_ROWS && (long) axisLen * inner <= MAX_PARTIAL) {
            addByRowChunks(idx, sd, sOff, o, axisLen * inner, inner, wanted);
            return out;
        }
        pool.run(tasks, t -> {
            int q0 = byOuter ? Parallel.split(outerF, tasks, t) : 0;
            int q1 = byOuter ? Parallel.split(outerF, tasks, t + 1) : outerF;
            int c0 = byOuter ? 0 : Parallel.split(innerF, tasks, t);
            int c1 = byOuter ? innerF : Parallel.split(innerF, tasks, t + 1);
            for (int q = q0; q < q1; q++) {
                for (int i = 0; i < idx.length; i++) {
                    addRow(sd, sOff + (q * idx.length + i) * innerF + c0, o, (q * axisLen + idx[i]) * innerF + c0, c1 - c0);
                }
            }
        });
        return out;
    }

    /**
     * A scatter-add of many source rows into a small output, split by source rows: fixed chunks of
     * {@link #CHUNK_ROWS} rows (a function of the size only, not of the thread count) each add, in
     * index order, into their own zeroed partial output; the partials are then added to the output
     * in chunk order. Every output element thus sums the same terms in the same order for any thread
     * count, while each thread streams whole rows (measured 60000 x 784 rows into 10: 12 ms on one
     * thread, ~7 ms on two).
     */
    private void addByRowChunks(int[] idx, float[] sd, int sOff, float[] o, int outLen, int inner, int tasks) {
        int chunks = (idx.length + CHUNK_ROWS - 1) / CHUNK_ROWS;
        float[][] partial = new float[chunks][];
        // one task per chunk when threads are wanted: free threads take the next chunk
        int perChunk = tasks > 1 ? chunks : 1;
        pool.run(perChunk, t -> {
            for (int ch = Parallel.split(chunks, perChunk, t); ch < Parallel.split(chunks, perChunk, t + 1); ch++) {
                float[] acc = new float[outLen];
                int end = Math.min(idx.length, (ch + 1) * CHUNK_ROWS);
                for (int i = ch * CHUNK_ROWS; i < end; i++) {
                    addRow(sd, sOff + i * inner, acc, idx[i] * inner, inner);
                }
                partial[ch] = acc;
            }
        });
        for (float[] acc : partial) {
            addRow(acc, 0, o, 0, outLen);
        }
    }

    private static void addRow(float[] x, int xi, float[] acc, int ai, int n) {
        int i = 0;
        for (int up = S.loopBound(n); i < up; i += S.length()) {
            FloatVector.fromArray(S, acc, ai + i).add(FloatVector.fromArray(S, x, xi + i)).intoArray(acc, ai + i);
        }
        for (; i < n; i++) {
            acc[ai + i] += x[xi + i];
        }
    }

    Tensor oneHot(Tensor index, int classes) {
        float[] idx = backend.toArray(index);
        int[] shape = Arrays.copyOf(index.shape(), index.rank() + 1);
        shape[index.rank()] = classes;
        Tensor out = backend.alloc(shape);
        float[] o = CpuBackend.data(out);
        for (int i = 0; i < idx.length; i++) {
            float v = idx[i];
            if (v >= 0 && v < classes && v == Math.rint(v)) { // out of range or fractional: all zeros
                o[i * classes + (int) v] = 1f;
            }
        }
        return out;
    }
}

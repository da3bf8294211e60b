package dev.kiln.core.backend.reference;

import dev.kiln.core.backend.Backend;
import dev.kiln.core.backend.BinaryOp;
import dev.kiln.core.backend.ReduceOp;
import dev.kiln.core.backend.UnaryOp;
import dev.kiln.core.tensor.HeapStorage;
import dev.kiln.core.tensor.Shape;
import dev.kiln.core.tensor.Tensor;
import java.util.Arrays;
import java.util.List;

/**
 * The oracle: plain scalar Java written for clarity, not speed. Every element is addressed
 * through its multi-index, so views, broadcasting and 0-size dimensions need no special cases.
 * Matrix products and sums accumulate in double, so its results are the most accurate of any
 * backend; the conformance kit compares others against it.
 */
public final class ReferenceBackend implements Backend {
    @Override
    public String name() {
        return "reference";
    }

    // ---------------------------------------------------------------- memory

    private Tensor alloc(int[] shape) {
        return Tensor.wrap(new HeapStorage(this, new float[Shape.numel(shape)]), shape);
    }

    private static float[] data(Tensor t) {
        return ((HeapStorage) t.storage()).data();
    }

    /** Storage position of the element with row-major position {@code linear} in {@code shape}. */
    static int offsetOf(int linear, int[] shape, int[] strides, int base) {
        int off = base;
        for (int d = shape.length - 1; d >= 0; d--) {
            int size = shape[d];
            off += (linear % size) * strides[d];
            linear /= size;
        }
        return off;
    }

    private static float get(Tensor t, int linear) {
        return data(t)[offsetOf(linear, t.shape(), t.strides(), t.offset())];
    }

    /** Reads {@code t} broadcast to {@code shape} at row-major position {@code linear}. */
    private static float getBroadcast(Tensor t, int[] shape, int linear) {
        int[] strides = Shape.broadcastStrides(t.shape(), t.strides(), shape);
        return data(t)[offsetOf(linear, shape, strides, t.offset())];
    }

    @Override
    public Tensor fromArray(float[] values, int[] shape) {
        return Tensor.wrap(new HeapStorage(this, values.clone()), shape);
    }

    @Override
    public float[] toArray(Tensor x) {
        float[] out = new float[x.numel()];
        for (int i = 0; i < out.length; i++) {
            out[i] = get(x, i);
        }
        return out;
    }

    @Override
    public Tensor full(int[] shape, float value) {
        Tensor t = alloc(shape);
        Arrays.fill(data(t), value);
        return t;
    }

    @Override
    public Tensor contiguous(Tensor x) {
        return Tensor.wrap(new HeapStorage(this, toArray(x)), x.shape());
    }

    // ---------------------------------------------------------------- element-wise

    @Override
    public Tensor unary(UnaryOp op, Tensor x) {
        Tensor out = alloc(x.shape());
        float[] o = data(out);
        for (int i = 0; i < o.length; i++) {
            o[i] = op.apply(get(x, i));
        }
        return out;
    }

    @Override
    public Tensor binary(BinaryOp op, Tensor a, Tensor b) {
        int[] shape = Shape.broadcast(op.name(), a.shape(), b.shape());
        Tensor out = alloc(shape);
        float[] o = data(out);
        for (int i = 0; i < o.length; i++) {
            o[i] = op.apply(getBroadcast(a, shape, i), getBroadcast(b, shape, i));
        }
        return out;
    }

    @Override
    public Tensor where(Tensor cond, Tensor a, Tensor b) {
        int[] shape = Shape.broadcast("where", Shape.broadcast("where", cond.shape(), a.shape()), b.shape());
        Tensor out = alloc(shape);
        float[] o = data(out);
        for (int i = 0; i < o.length; i++) {
            o[i] = getBroadcast(cond, shape, i) != 0f ? getBroadcast(a, shape, i) : getBroadcast(b, shape, i);
        }
        return out;
    }

    // ---------------------------------------------------------------- reductions

    @Override
    public Tensor reduce(ReduceOp op, Tensor x, int[] axes, boolean keepDims) {
        int[] shape = x.shape();
        int[] kept = shape.clone();
        long count = 1;
        for (int a : axes) {
            kept[a] = 1;
            count *= shape[a];
        }
        int outN = Shape.numel(kept);
        double[] acc = new double[outN];
        Arrays.fill(acc, op.identity());
        int[] keptStrides = Shape.contiguousStrides(kept);
        for (int a : axes) {
            keptStrides[a] = 0; // every position along a reduced axis lands in the same output
        }
        int n = x.numel();
        for (int i = 0; i < n; i++) {
            int o = offsetOf(i, shape, keptStrides, 0);
            float v = get(x, i);
            acc[o] = switch (op) {
                case SUM, MEAN -> acc[o] + v;
                default -> op.combine((float) acc[o], v);
            };
        }
        Tensor out = alloc(keepDims ? kept : dropAxes(shape, axes));
        float[] od = data(out);
        for (int i = 0; i < outN; i++) {
            od[i] = (float) (op == ReduceOp.MEAN ? acc[i] / count : acc[i]);
        }
        return out;
    }

    static int[] dropAxes(int[] shape, int[] axes) {
        int[] out = new int[shape.length - axes.length];
        for (int i = 0, j = 0; i < shape.length; i++) {
            if (Arrays.binarySearch(axes, i) < 0) {
                out[j++] = shape[i];
            }
        }
        return out;
    }

    @Override
    public Tensor argmax(Tensor x, int axis, boolean keepDims) {
        int[] shape = x.shape();
        int[] kept = shape.clone();
        kept[axis] = 1;
        Tensor out = alloc(keepDims ? kept : dropAxes(shape, new int[] {axis}));
        float[] o = data(out);
        int[] xs = x.strides();
        for (int i = 0; i < o.length; i++) {
            int base = offsetOf(i, kept, xs, x.offset());
            int best = 0;
            float bestV = data(x)[base];
            for (int k = 1; k < shape[axis] && !Float.isNaN(bestV); k++) {
                float v = data(x)[base + k * xs[axis]];
                if (v > bestV || Float.isNaN(v)) {
                    best = k;
                    bestV = v;
                }
            }
            o[i] = best;
        }
        return out;
    }

    // ---------------------------------------------------------------- linear algebra

    @Override
    public Tensor matmul(Tensor a, Tensor b) {
        int[] as = a.shape();
        int[] bs = b.shape();
        int m = as[as.length - 2];
        int k = as[as.length - 1];
        int n = bs[bs.length - 1];
        int[] batch = Shape.broadcast("matmul", Arrays.copyOf(as, as.length - 2), Arrays.copyOf(bs, bs.length - 2));
        int[] outShape = Arrays.copyOf(batch, batch.length + 2);
        outShape[batch.length] = m;
        outShape[batch.length + 1] = n;
        Tensor out = alloc(outShape);
        float[] o = data(out);
        int[] ast = a.strides();
        int[] bst = b.strides();
        int[] aBatch = Shape.broadcastStrides(Arrays.copyOf(as, as.length - 2), Arrays.copyOf(ast, ast.length - 2), batch);
        int[] bBatch = Shape.broadcastStrides(Arrays.copyOf(bs, bs.length - 2), Arrays.copyOf(bst, bst.length - 2), batch);
        int nb = Shape.numel(batch);
        float[] ad = data(a);
        float[] bd = data(b);
        for (int p = 0; p < nb; p++) {
            int aOff = offsetOf(p, batch, aBatch, a.offset());
            int bOff = offsetOf(p, batch, bBatch, b.offset());
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    double s = 0;
                    for (int q = 0; q < k; q++) {
                        s += (double) ad[aOff + i * ast[as.length - 2] + q * ast[as.length - 1]]
                                * bd[bOff + q * bst[bs.length - 2] + j * bst[bs.length - 1]];
                    }
                    o[(p * m + i) * n + j] = (float) s;
                }
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- movement and indexing

    @Override
    public Tensor concat(List<Tensor> xs, int axis) {
        int[] shape = xs.get(0).shape();
        shape[axis] = 0;
        for (Tensor t : xs) {
            shape[axis] += t.shape()[axis];
        }
        Tensor out = alloc(shape);
        float[] o = data(out);
        int[] outStrides = Shape.contiguousStrides(shape);
        int start = 0;
        for (Tensor t : xs) {
            int[] ts = t.shape();
            int n = t.numel();
            for (int i = 0; i < n; i++) {
                // position of element i of t inside the output: shift along the concat axis
                int pos = offsetOf(i, ts, outStrides, start * outStrides[axis]);
                o[pos] = get(t, i);
            }
            start += ts[axis];
        }
        return out;
    }

    @Override
    public Tensor indexSelect(Tensor x, int axis, Tensor index) {
        int[] idx = index.toIntArray();
        int[] shape = x.shape();
        shape[axis] = idx.length;
        Tensor out = alloc(shape);
        float[] o = data(out);
        int[] xs = x.strides();
        for (int i = 0; i < o.length; i++) {
            int[] pos = unravel(i, shape);
            int p = pos[axis];
            pos[axis] = 0;
            int off = x.offset() + idx[p] * xs[axis];
            for (int d = 0; d < shape.length; d++) {
                off += pos[d] * xs[d];
            }
            o[i] = data(x)[off];
        }
        return out;
    }

    @Override
    public Tensor indexAdd(Tensor base, int axis, Tensor index, Tensor src) {
        int[] idx = index.toIntArray();
        Tensor out = contiguous(base);
        float[] o = data(out);
        int[] outStrides = Shape.contiguousStrides(base.shape());
        int[] ss = src.shape();
        int n = src.numel();
        for (int i = 0; i < n; i++) {
            int[] pos = unravel(i, ss);
            pos[axis] = idx[pos[axis]];
            int off = 0;
            for (int d = 0; d < pos.length; d++) {
                off += pos[d] * outStrides[d];
            }
            o[off] += get(src, i);
        }
        return out;
    }

    @Override
    public Tensor oneHot(Tensor index, int classes) {
        float[] idx = toArray(index);
        int[] shape = Arrays.copyOf(index.shape(), index.rank() + 1);
        shape[index.rank()] = classes;
        Tensor out = alloc(shape);
        float[] o = data(out);
        for (int i = 0; i < idx.length; i++) {
            if (idx[i] >= 0 && idx[i] < classes && idx[i] == Math.rint(idx[i])) {
                o[i * classes + (int) idx[i]] = 1f;
            }
        }
        return out;
    }

    private static int[] unravel(int linear, int[] shape) {
        int[] pos = new int[shape.length];
        for (int d = shape.length - 1; d >= 0; d--) {
            pos[d] = linear % shape[d];
            linear /= shape[d];
        }
        return pos;
    }
}

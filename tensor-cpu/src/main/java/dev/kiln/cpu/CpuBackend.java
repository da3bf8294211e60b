package dev.kiln.cpu;

import dev.kiln.core.backend.Backend;
import dev.kiln.core.backend.BinaryOp;
import dev.kiln.core.backend.MemoryScope;
import dev.kiln.core.backend.ReduceOp;
import dev.kiln.core.backend.UnaryOp;
import dev.kiln.core.tensor.HeapStorage;
import dev.kiln.core.tensor.Rng;
import dev.kiln.core.tensor.Shape;
import dev.kiln.core.tensor.Tensor;
import java.util.Arrays;
import java.util.List;

/**
 * The SIMD, multi-threaded CPU backend. Tensors live in on-heap {@code float[]} ({@link HeapStorage},
 * see ADR 0004); every op reads its inputs through their strides, so views never need copying
 * first. Element-wise ops run row by row over {@link StridedLoop}s, reductions in
 * {@link Reductions}, matrix products in {@link Gemm}, the softmax family in
 * {@link SoftmaxKernels}, movement and indexing in {@link Movement}.
 *
 * <p>Thread safety: a backend may be used from several threads at once; each call splits its own
 * work over the shared fixed pool. Call {@link #close()} to stop the pool early (its threads are
 * daemons, so forgetting is harmless).
 */
public final class CpuBackend implements Backend, AutoCloseable {
    /** Element-wise ops smaller than this stay on the calling thread. */
    static final long ELEMENTWISE_GRAIN = 1 << 15;

    private final Parallel pool;
    private final Movement movement;
    private final Recycler recycler = new Recycler();

    /** A backend whose pool has {@code threads} threads (the caller counts as one). */
    public CpuBackend(int threads) {
        this.pool = new Parallel(threads);
        this.movement = new Movement(this, pool);
    }

    @Override
    public String name() {
        return "cpu";
    }

    public int threads() {
        return pool.threads();
    }

    @Override
    public void close() {
        pool.close();
    }

    // ---------------------------------------------------------------- memory

    /** A new zero-filled tensor (from recycled memory inside a {@link #memoryScope()}). */
    Tensor alloc(int[] shape) {
        return Tensor.wrap(recycler.storage(this, Shape.numel(shape), true), shape);
    }

    /**
     * A new tensor for an op that writes every element: recycled memory is not zero-filled first
     * (a fresh array still is: Java has no other kind).
     */
    Tensor output(int[] shape) {
        return Tensor.wrap(recycler.storage(this, Shape.numel(shape), false), shape);
    }

    /**
     * A new tensor for an element-wise result, laid out like the first operand of the result's shape
     * when that one is a permuted dense layout (PyTorch's rule: {@code w.t().mul(2)} stays
     * transposed, so a weight stored transposed keeps its layout through an optimizer's update).
     */
    Tensor outputLike(int[] shape, Tensor... operands) {
        for (Tensor x : operands) {
            if (Arrays.equals(x.shape(), shape)) {
                int[] st = x.strides();
                if (!x.isContiguous() && Shape.isDense(shape, st)) {
                    return Tensor.view(recycler.storage(this, Shape.numel(shape), false), shape, st, 0);
                }
                break;
            }
        }
        return output(shape);
    }

    @Override
    public Tensor persistent(Tensor t) {
        recycler.persist(t);
        return t;
    }

    /** Recycles the step's temporaries into later allocations of the same size (see {@link Recycler}). */
    @Override
    public MemoryScope memoryScope() {
        return recycler.open();
    }

    static float[] data(Tensor t) {
        return ((HeapStorage) t.storage()).data();
    }

    @Override
    public Tensor fromArray(float[] values, int[] shape) {
        if (values.length != Shape.numel(shape)) {
            throw new IllegalArgumentException("fromArray: " + values.length + " values do not fill shape "
                    + Shape.str(shape) + " (" + Shape.numel(shape) + " elements)");
        }
        HeapStorage storage = recycler.storage(this, values.length, false);
        System.arraycopy(values, 0, storage.data(), 0, values.length);
        return Tensor.wrap(storage, shape);
    }

    @Override
    public float[] toArray(Tensor x) {
        if (x.isContiguous()) {
            return Arrays.copyOfRange(data(x), x.offset(), x.offset() + x.numel());
        }
        return data(contiguous(x));
    }

    @Override
    public Tensor full(int[] shape, float value) {
        Tensor t = alloc(shape);
        if (value != 0f) {
            Arrays.fill(data(t), value);
        }
        return t;
    }

    @Override
    public Tensor contiguous(Tensor x) {
        Tensor out = output(x.shape());
        movement.copyInto(x, data(out), 0, Shape.contiguousStrides(x.shape()));
        return out;
    }

    @Override
    public Tensor randomUniform(int[] shape, long seed, long offset, float low, float high) {
        Tensor out = alloc(shape);
        float[] v = data(out);
        int tasks = pool.tasksFor(v.length, ELEMENTWISE_GRAIN);
        pool.run(tasks, t -> {
            for (int i = Parallel.split(v.length, tasks, t); i < Parallel.split(v.length, tasks, t + 1); i++) {
                v[i] = low + (high - low) * Rng.uniform(seed, offset + i);
            }
        });
        return out;
    }

    @Override
    public Tensor randomNormal(int[] shape, long seed, long offset, float mean, float std) {
        Tensor out = alloc(shape);
        float[] v = data(out);
        int tasks = pool.tasksFor(v.length, ELEMENTWISE_GRAIN / 4);
        pool.run(tasks, t -> {
            for (int i = Parallel.split(v.length, tasks, t); i < Parallel.split(v.length, tasks, t + 1); i++) {
                v[i] = (float) (mean + std * Rng.gaussian(seed, offset + 2L * i));
            }
        });
        return out;
    }

    // ---------------------------------------------------------------- element-wise

    @Override
    public Tensor unary(UnaryOp op, Tensor x) {
        int[] shape = x.shape();
        Tensor out = outputLike(shape, x);
        float[] o = data(out);
        float[] xd = data(x);
        StridedLoop loop = StridedLoop.of(shape, new int[] {0, x.offset()}, out.strides(), x.strides());
        int xs = loop.innerStride(1);
        // transcendental ops cost ~10x an add: hand them to threads sooner
        long grain = switch (op) {
            case EXP, LOG, TANH, SIGMOID, SIN, COS -> ELEMENTWISE_GRAIN / 8;
            default -> ELEMENTWISE_GRAIN;
        };
        loop.forAll(pool, grain, (offs, len) -> UnaryKernels.row(op, xd, offs[1], xs, o, offs[0], len));
        return out;
    }

    @Override
    public Tensor binary(BinaryOp op, Tensor a, Tensor b) {
        int[] shape = Shape.broadcast(op.name(), a.shape(), b.shape());
        Tensor out = outputLike(shape, a, b);
        float[] o = data(out);
        float[] ad = data(a);
        float[] bd = data(b);
        StridedLoop loop = StridedLoop.of(shape, new int[] {0, a.offset(), b.offset()}, out.strides(),
                Shape.broadcastStrides(a.shape(), a.strides(), shape), Shape.broadcastStrides(b.shape(), b.strides(), shape));
        int as = loop.innerStride(1);
        int bs = loop.innerStride(2);
        long grain = op == BinaryOp.POW ? ELEMENTWISE_GRAIN / 8 : ELEMENTWISE_GRAIN;
        loop.forAll(pool, grain, (offs, len) -> BinaryKernels.row(op, ad, offs[1], as, bd, offs[2], bs, o, offs[0], len));
        return out;
    }

    @Override
    public Tensor axpby(float a, Tensor x, float b, Tensor y) {
        boolean contiguous = x.isContiguous() && y.isContiguous();
        if (!contiguous && !(Arrays.equals(x.strides(), y.strides()) && Shape.isDense(x.shape(), x.strides()))) {
            return Backend.super.axpby(a, x, b, y);
        }
        // one pass over both storages in order (a dense layer's weight and its gradient share the
        // transposed layout), the result laid out as they are
        Tensor out = outputLike(x.shape(), x);
        float[] o = data(out);
        float[] xd = data(x);
        float[] yd = data(y);
        int xo = x.offset();
        int yo = y.offset();
        int n = x.numel();
        int tasks = pool.tasksFor(n, ELEMENTWISE_GRAIN);
        pool.run(tasks, t -> {
            int lo = Parallel.split(n, tasks, t);
            BinaryKernels.axpby(a, xd, xo + lo, b, yd, yo + lo, o, lo, Parallel.split(n, tasks, t + 1) - lo);
        });
        return out;
    }

    @Override
    public Tensor where(Tensor cond, Tensor a, Tensor b) {
        int[] shape = Shape.broadcast("where", Shape.broadcast("where", cond.shape(), a.shape()), b.shape());
        Tensor out = output(shape);
        float[] o = data(out);
        float[] cd = data(cond);
        float[] ad = data(a);
        float[] bd = data(b);
        StridedLoop loop = StridedLoop.of(shape, new int[] {0, cond.offset(), a.offset(), b.offset()},
                Shape.contiguousStrides(shape), Shape.broadcastStrides(cond.shape(), cond.strides(), shape),
                Shape.broadcastStrides(a.shape(), a.strides(), shape), Shape.broadcastStrides(b.shape(), b.strides(), shape));
        int cs = loop.innerStride(1);
        int as = loop.innerStride(2);
        int bs = loop.innerStride(3);
        loop.forAll(pool, ELEMENTWISE_GRAIN, (offs, len) ->
                UnaryKernels.whereRow(cd, offs[1], cs, ad, offs[2], as, bd, offs[3], bs, o, offs[0], len));
        return out;
    }

    // ---------------------------------------------------------------- reductions

    @Override
    public Tensor reduce(ReduceOp op, Tensor x, int[] axes, boolean keepDims) {
        int[] shape = x.shape();
        int[] kept = shape.clone();
        for (int a : axes) {
            kept[a] = 1;
        }
        Tensor out = alloc(keepDims ? kept : dropAxes(shape, axes));
        Reductions.reduce(pool, op, data(x), x.offset(), shape, x.strides(), axes, data(out));
        return out;
    }

    @Override
    public Tensor argmax(Tensor x, int axis, boolean keepDims) {
        int[] shape = x.shape();
        if (shape[axis] == 0 && Shape.numel(dropAxes(shape, new int[] {axis})) > 0) {
            throw new IllegalArgumentException("argmax: axis " + axis + " of shape " + Shape.str(shape)
                    + " is empty; there is no maximum");
        }
        int[] kept = shape.clone();
        kept[axis] = 1;
        Tensor out = alloc(keepDims ? kept : dropAxes(shape, new int[] {axis}));
        Reductions.argmax(pool, data(x), x.offset(), shape, x.strides(), axis, data(out));
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

    // ---------------------------------------------------------------- linear algebra

    @Override
    public Tensor matmul(Tensor a, Tensor b) {
        return Matmul.matmul(this, pool, a, b);
    }

    // ---------------------------------------------------------------- movement and indexing

    @Override
    public Tensor concat(List<Tensor> xs, int axis) {
        return movement.concat(xs, axis);
    }

    @Override
    public Tensor indexSelect(Tensor x, int axis, Tensor index) {
        return movement.indexSelect(x, axis, index);
    }

    @Override
    public Tensor indexAdd(Tensor base, int axis, Tensor index, Tensor src) {
        return movement.indexAdd(base, axis, index, src);
    }

    @Override
    public Tensor oneHot(Tensor index, int classes) {
        return movement.oneHot(index, classes);
    }

    // ---------------------------------------------------------------- fused

    @Override
    public Tensor softmax(Tensor x, int axis) {
        return softmaxLike(x, axis, false);
    }

    @Override
    public Tensor logSoftmax(Tensor x, int axis) {
        return softmaxLike(x, axis, true);
    }

    private Tensor softmaxLike(Tensor x, int axis, boolean log) {
        Tensor c = asContiguous(x);
        int[] shape = c.shape();
        int outer = 1;
        int inner = 1;
        for (int d = 0; d < axis; d++) {
            outer *= shape[d];
        }
        for (int d = axis + 1; d < shape.length; d++) {
            inner *= shape[d];
        }
        Tensor out = alloc(shape);
        SoftmaxKernels.softmax(pool, data(c), c.offset(), outer, shape[axis], inner, data(out), log);
        return out;
    }

    /** Softmax rows, then minus one at the label and times the row's gradient: one output, no temporaries. */
    @Override
    public Tensor softmaxCrossEntropyGrad(Tensor logits, Tensor labels, Tensor g) {
        Tensor c = asContiguous(logits);
        int rows = c.shape()[0];
        int classes = c.shape()[1];
        Tensor out = output(new int[] {rows, classes});
        float[] o = data(out);
        SoftmaxKernels.softmax(pool, data(c), c.offset(), rows, classes, 1, o, false);
        float[] lab = data(labels);
        float[] gd = data(g);
        int ls = labels.strides()[0];
        int gs = g.strides()[0];
        for (int n = 0; n < rows; n++) {
            float y = lab[labels.offset() + n * ls];
            // as oneHot: an index out of range or fractional subtracts nothing
            int label = y >= 0 && y < classes && y == Math.rint(y) ? (int) y : -1;
            float gn = gd[g.offset() + n * gs];
            for (int k = 0, i = n * classes; k < classes; k++, i++) {
                o[i] = (o[i] - (k == label ? 1f : 0f)) * gn;
            }
        }
        return out;
    }

    @Override
    public Tensor softmaxCrossEntropy(Tensor logits, Tensor labels) {
        int rows = logits.shape()[0];
        int classes = logits.shape()[1];
        int[] ls = logits.strides();
        Tensor out = alloc(new int[] {rows});
        SoftmaxKernels.crossEntropy(pool, data(logits), logits.offset(), ls[0], ls[1], rows, classes, data(labels),
                labels.offset(), labels.strides()[0], data(out));
        return out;
    }

    @Override
    public Tensor[] batchNorm(Tensor x, Tensor gamma, Tensor beta, float eps) {
        Tensor c = asContiguous(x);
        int[] shape = c.shape();
        int channels = shape[1];
        int per = perChannel(shape);
        Tensor mean = output(new int[] {channels});
        Tensor var = output(new int[] {channels});
        Tensor y = output(shape);
        BatchNormKernels.forward(pool, data(c), c.offset(), shape[0], channels, per, data(gamma), gamma.offset(),
                gamma.strides()[0], data(beta), beta.offset(), beta.strides()[0], eps, data(mean), data(var), data(y));
        return new Tensor[] {mean, var, y};
    }

    @Override
    public Tensor[] batchNormGrad(Tensor x, Tensor gamma, Tensor mean, Tensor var, float eps, Tensor dy) {
        Tensor c = asContiguous(x);
        Tensor g = asContiguous(dy);
        int[] shape = c.shape();
        int channels = shape[1];
        int per = perChannel(shape);
        Tensor dx = output(shape);
        Tensor dgamma = output(new int[] {channels});
        Tensor dbeta = output(new int[] {channels});
        BatchNormKernels.backward(pool, data(c), c.offset(), data(g), g.offset(), shape[0], channels, per, data(gamma),
                gamma.offset(), gamma.strides()[0], data(mean), mean.offset(), mean.strides()[0], data(var), var.offset(),
                var.strides()[0], eps, data(dx), data(dgamma), data(dbeta));
        return new Tensor[] {dx, dgamma, dbeta};
    }

    /** 2x2 windows on AVX-512 here; other windows and vector widths take the composed default. */
    @Override
    public Tensor[] maxPool2d(Tensor x, int k) {
        if (k != 2 || !PoolKernels.AVAILABLE) {
            return Backend.super.maxPool2d(x, k);
        }
        Tensor c = asContiguous(x);
        int[] s = c.shape();
        int planes = s[0] * s[1];
        Tensor out = output(new int[] {s[0], s[1], s[2] / k, s[3] / k});
        Tensor index = output(new int[] {out.numel()});
        PoolKernels.maxPool2x2(pool, data(c), c.offset(), planes, s[2], s[3], data(out), data(index));
        return new Tensor[] {out, index};
    }

    /** {@code x} itself when contiguous, else a contiguous copy (for kernels that index rows directly). */
    private Tensor asContiguous(Tensor x) {
        return x.isContiguous() ? x : contiguous(x);
    }

    /** Values per image and channel of {@code [N, C, ...]}: the product of the dimensions after C. */
    private static int perChannel(int[] shape) {
        int per = 1;
        for (int d = 2; d < shape.length; d++) {
            per *= shape[d];
        }
        return per;
    }
}

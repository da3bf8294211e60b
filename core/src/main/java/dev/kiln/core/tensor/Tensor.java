package dev.kiln.core.tensor;

import dev.kiln.core.backend.Backend;
import dev.kiln.core.backend.Backends;
import dev.kiln.core.backend.BinaryOp;
import dev.kiln.core.backend.ReduceOp;
import dev.kiln.core.backend.UnaryOp;
import java.util.Arrays;
import java.util.List;

/**
 * An n-dimensional float32 array on one backend, with optional gradient tracking.
 *
 * <p>A tensor is a view: storage + shape + strides + offset. Reshape (of contiguous data),
 * permute/transpose, slice, expand, squeeze and unsqueeze are free views; every other op runs
 * eagerly on the tensor's backend and returns a new tensor. Values never change after creation,
 * except through {@link dev.kiln.core.nn.Parameter}, which swaps whole tensors.
 *
 * <p>Index tensors (labels, gather indices, argmax results) are float tensors holding integral
 * values; they are exact up to 2^24.
 */
public final class Tensor {
    private final Storage storage;
    private final int[] shape;
    private final int[] strides;
    private final int offset;

    private boolean requiresGrad;
    private Tensor grad;
    private Autograd.Node node;

    private Tensor(Storage storage, int[] shape, int[] strides, int offset) {
        this.storage = storage;
        this.shape = shape;
        this.strides = strides;
        this.offset = offset;
    }

    // ---------------------------------------------------------------- for backends

    /** Wraps backend storage as a contiguous tensor. For backend implementations. */
    public static Tensor wrap(Storage storage, int[] shape) {
        int[] s = shape.clone();
        if (Shape.numel(s) > storage.size()) {
            throw new IllegalArgumentException("storage of " + storage.size() + " elements is too small for shape "
                    + Shape.str(s));
        }
        return new Tensor(storage, s, Shape.contiguousStrides(s), 0);
    }

    /** A view of {@code storage}. For backend implementations and the view ops. */
    public static Tensor view(Storage storage, int[] shape, int[] strides, int offset) {
        return new Tensor(storage, shape.clone(), strides.clone(), offset);
    }

    public Storage storage() {
        return storage;
    }

    public int[] strides() {
        return strides.clone();
    }

    public int offset() {
        return offset;
    }

    public boolean isContiguous() {
        return Shape.isContiguous(shape, strides);
    }

    // ---------------------------------------------------------------- creation

    public static Tensor fromArray(float[] data, int... shape) {
        return fromArray(Backends.current(), data, shape);
    }

    public static Tensor fromArray(Backend backend, float[] data, int... shape) {
        if (Shape.numel(shape) != data.length) {
            throw new IllegalArgumentException("fromArray: " + data.length + " values do not fill shape "
                    + Shape.str(shape) + " (" + Shape.numel(shape) + " elements)");
        }
        return backend.fromArray(data, shape.clone());
    }

    /** A 2-D tensor from rows of equal length. */
    public static Tensor fromRows(float[][] rows) {
        int cols = rows.length == 0 ? 0 : rows[0].length;
        float[] flat = new float[rows.length * cols];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != cols) {
                throw new IllegalArgumentException("fromRows: row " + i + " has " + rows[i].length
                        + " values, row 0 has " + cols);
            }
            System.arraycopy(rows[i], 0, flat, i * cols, cols);
        }
        return fromArray(flat, rows.length, cols);
    }

    /** A 1-D tensor of the given values. */
    public static Tensor of(float... values) {
        return fromArray(values.clone(), values.length);
    }

    /** A 1-D index tensor (labels) from ints. */
    public static Tensor ofIndices(int... indices) {
        return ofIndices(Backends.current(), indices);
    }

    public static Tensor ofIndices(Backend backend, int... indices) {
        float[] v = new float[indices.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = indices[i];
        }
        return backend.fromArray(v, new int[] {v.length});
    }

    public static Tensor scalar(float value) {
        return full(value);
    }

    public static Tensor full(float value, int... shape) {
        return full(Backends.current(), value, shape);
    }

    public static Tensor full(Backend backend, float value, int... shape) {
        Shape.numel(shape);
        return backend.full(shape.clone(), value);
    }

    public static Tensor zeros(int... shape) {
        return full(0f, shape);
    }

    public static Tensor zeros(Backend backend, int... shape) {
        return full(backend, 0f, shape);
    }

    public static Tensor ones(int... shape) {
        return full(1f, shape);
    }

    public static Tensor zerosLike(Tensor t) {
        return full(t.backend(), 0f, t.shape);
    }

    public static Tensor onesLike(Tensor t) {
        return full(t.backend(), 1f, t.shape);
    }

    /** {@code [start, start+step, ...)} below {@code end}. */
    public static Tensor arange(float start, float end, float step) {
        if (step == 0 || Float.isNaN(step)) {
            throw new IllegalArgumentException("arange: step must be non-zero, got " + step);
        }
        int n = Math.max(0, (int) Math.ceil((end - start) / step));
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = start + i * step;
        }
        return fromArray(v, n);
    }

    public static Tensor arange(int n) {
        return arange(0, n, 1);
    }

    /** Uniform in [0, 1) from the seeded stream {@code rng}. */
    public static Tensor rand(Rng rng, int... shape) {
        return uniform(Backends.current(), rng, 0f, 1f, shape);
    }

    public static Tensor uniform(Backend backend, Rng rng, float low, float high, int... shape) {
        long off = rng.advance(Shape.numel(shape));
        return backend.randomUniform(shape.clone(), rng.seed(), off, low, high);
    }

    /** Standard normal from the seeded stream {@code rng}. */
    public static Tensor randn(Rng rng, int... shape) {
        return normal(Backends.current(), rng, 0f, 1f, shape);
    }

    public static Tensor normal(Backend backend, Rng rng, float mean, float std, int... shape) {
        long off = rng.advance(2L * Shape.numel(shape));
        return backend.randomNormal(shape.clone(), rng.seed(), off, mean, std);
    }

    /** A copy of this tensor's values on another backend (no gradient link). */
    public Tensor to(Backend target) {
        if (target == backend()) {
            return this;
        }
        return target.fromArray(toArray(), shape.clone());
    }

    // ---------------------------------------------------------------- accessors

    public Backend backend() {
        return storage.backend();
    }

    public int[] shape() {
        return shape.clone();
    }

    public int shape(int axis) {
        return shape[Shape.axis("shape", axis, shape.length)];
    }

    public int rank() {
        return shape.length;
    }

    public int numel() {
        return Shape.numel(shape);
    }

    /** Values in row-major order (copies from the device when needed). */
    public float[] toArray() {
        return backend().toArray(this);
    }

    /** Values rounded to ints (for index tensors: labels, argmax). */
    public int[] toIntArray() {
        float[] v = toArray();
        int[] out = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = Math.round(v[i]);
        }
        return out;
    }

    /** The single value of a one-element tensor. */
    public float item() {
        if (numel() != 1) {
            throw new IllegalStateException("item: tensor of shape " + Shape.str(shape) + " has " + numel()
                    + " elements, not 1");
        }
        return toArray()[0];
    }

    // ---------------------------------------------------------------- autograd

    public boolean requiresGrad() {
        return requiresGrad;
    }

    /** Marks a leaf tensor as a variable whose gradient {@link #backward()} accumulates. */
    public Tensor requiresGrad(boolean value) {
        if (node != null && !value) {
            throw new IllegalStateException("requiresGrad(false) on a non-leaf tensor; use detach()");
        }
        this.requiresGrad = value;
        return this;
    }

    /** The accumulated gradient of a leaf, or null before any backward pass. */
    public Tensor grad() {
        return grad;
    }

    public void zeroGrad() {
        grad = null;
    }

    public boolean isLeaf() {
        return node == null;
    }

    /** The same values without gradient history. */
    public Tensor detach() {
        return new Tensor(storage, shape, strides, offset);
    }

    /** Back-propagates from a one-element tensor (a loss). */
    public void backward() {
        if (numel() != 1) {
            throw new IllegalStateException("backward() needs a one-element tensor (a loss), got shape "
                    + Shape.str(shape) + "; pass a gradient with backward(grad)");
        }
        backward(full(backend(), 1f, shape));
    }

    public void backward(Tensor gradOut) {
        if (!requiresGrad) {
            throw new IllegalStateException("backward: this tensor does not require gradients (no input was "
                    + "marked requiresGrad, or it was computed under Autograd.noGrad())");
        }
        Checks.sameShape("backward", this, gradOut);
        Autograd.backward(this, gradOut);
    }

    Autograd.Node node() {
        return node;
    }

    void attach(Autograd.Node n) {
        this.node = n;
        this.requiresGrad = true;
    }

    void accumulateGrad(Tensor g) {
        // a gradient keeps its own storage when it fills it exactly, laid out contiguously or as
        // this tensor is (a weight stored transposed gets a transposed gradient, so the optimizer
        // update runs over both storages in order); anything else is copied out contiguously
        boolean own = g.offset == 0 && g.storage.size() == g.numel()
                && (g.isContiguous() || Arrays.equals(g.strides, strides) && Shape.isDense(shape, strides));
        Tensor c = own ? g : g.backend().contiguous(g);
        grad = grad == null ? c : grad.backend().binary(BinaryOp.ADD, grad, c);
    }

    // ---------------------------------------------------------------- element-wise

    public Tensor add(Tensor o) { return Elementwise.binary(BinaryOp.ADD, this, o); }
    public Tensor sub(Tensor o) { return Elementwise.binary(BinaryOp.SUB, this, o); }
    public Tensor mul(Tensor o) { return Elementwise.binary(BinaryOp.MUL, this, o); }
    public Tensor div(Tensor o) { return Elementwise.binary(BinaryOp.DIV, this, o); }
    public Tensor pow(Tensor o) { return Elementwise.binary(BinaryOp.POW, this, o); }
    public Tensor maximum(Tensor o) { return Elementwise.binary(BinaryOp.MAX, this, o); }
    public Tensor minimum(Tensor o) { return Elementwise.binary(BinaryOp.MIN, this, o); }
    public Tensor eq(Tensor o) { return Elementwise.binary(BinaryOp.EQ, this, o); }
    public Tensor ne(Tensor o) { return Elementwise.binary(BinaryOp.NE, this, o); }
    public Tensor lt(Tensor o) { return Elementwise.binary(BinaryOp.LT, this, o); }
    public Tensor le(Tensor o) { return Elementwise.binary(BinaryOp.LE, this, o); }
    public Tensor gt(Tensor o) { return Elementwise.binary(BinaryOp.GT, this, o); }
    public Tensor ge(Tensor o) { return Elementwise.binary(BinaryOp.GE, this, o); }

    /**
     * {@code a * this + b * y} in one pass (shapes must match): the update step of SGD, momentum and
     * Adam's moving averages. Differentiable; each product is rounded before the sum, as
     * {@code this.mul(a).add(y.mul(b))} would round it.
     */
    public Tensor axpby(float a, Tensor y, float b) { return Elementwise.axpby(a, this, b, y); }

    public Tensor add(float s) { return add(constant(s)); }
    public Tensor sub(float s) { return sub(constant(s)); }
    public Tensor mul(float s) { return mul(constant(s)); }
    public Tensor div(float s) { return div(constant(s)); }
    public Tensor pow(float s) { return pow(constant(s)); }
    public Tensor maximum(float s) { return maximum(constant(s)); }
    public Tensor minimum(float s) { return minimum(constant(s)); }
    public Tensor gt(float s) { return gt(constant(s)); }
    public Tensor lt(float s) { return lt(constant(s)); }
    public Tensor ge(float s) { return ge(constant(s)); }
    public Tensor le(float s) { return le(constant(s)); }
    public Tensor eq(float s) { return eq(constant(s)); }

    public Tensor neg() { return Elementwise.unary(UnaryOp.NEG, this); }
    public Tensor abs() { return Elementwise.unary(UnaryOp.ABS, this); }
    public Tensor exp() { return Elementwise.unary(UnaryOp.EXP, this); }
    public Tensor log() { return Elementwise.unary(UnaryOp.LOG, this); }
    public Tensor sqrt() { return Elementwise.unary(UnaryOp.SQRT, this); }
    public Tensor reciprocal() { return Elementwise.unary(UnaryOp.RECIP, this); }
    public Tensor tanh() { return Elementwise.unary(UnaryOp.TANH, this); }
    public Tensor sigmoid() { return Elementwise.unary(UnaryOp.SIGMOID, this); }
    public Tensor relu() { return Elementwise.unary(UnaryOp.RELU, this); }
    public Tensor sign() { return Elementwise.unary(UnaryOp.SIGN, this); }
    public Tensor sin() { return Elementwise.unary(UnaryOp.SIN, this); }
    public Tensor cos() { return Elementwise.unary(UnaryOp.COS, this); }
    public Tensor square() { return mul(this); }

    /** Clamps into {@code [min, max]}. */
    public Tensor clamp(float min, float max) {
        return maximum(min).minimum(max);
    }

    /** {@code cond != 0 ? a : b} with broadcasting; differentiable in {@code a} and {@code b}. */
    public static Tensor where(Tensor cond, Tensor a, Tensor b) {
        return Elementwise.where(cond, a, b);
    }

    private Tensor constant(float s) {
        return backend().full(new int[0], s);
    }

    // ---------------------------------------------------------------- reductions

    /** Sum of all elements (a scalar tensor). */
    public Tensor sum() { return Reductions.reduce(ReduceOp.SUM, this, allAxes(), false); }
    public Tensor sum(int axis, boolean keepDims) { return Reductions.reduce(ReduceOp.SUM, this, new int[] {axis}, keepDims); }
    public Tensor sum(int[] axes, boolean keepDims) { return Reductions.reduce(ReduceOp.SUM, this, axes, keepDims); }
    public Tensor mean() { return Reductions.reduce(ReduceOp.MEAN, this, allAxes(), false); }
    public Tensor mean(int axis, boolean keepDims) { return Reductions.reduce(ReduceOp.MEAN, this, new int[] {axis}, keepDims); }
    public Tensor mean(int[] axes, boolean keepDims) { return Reductions.reduce(ReduceOp.MEAN, this, axes, keepDims); }
    public Tensor max() { return Reductions.reduce(ReduceOp.MAX, this, allAxes(), false); }
    public Tensor max(int axis, boolean keepDims) { return Reductions.reduce(ReduceOp.MAX, this, new int[] {axis}, keepDims); }
    public Tensor min(int axis, boolean keepDims) { return Reductions.reduce(ReduceOp.MIN, this, new int[] {axis}, keepDims); }

    /** Index of the first maximum along {@code axis} (an index tensor; not differentiable). */
    public Tensor argmax(int axis) {
        int a = Shape.axis("argmax", axis, shape.length);
        if (shape[a] == 0) {
            throw new IllegalArgumentException("argmax: axis " + axis + " of shape " + Shape.str(shape) + " is empty");
        }
        return backend().argmax(this, a, false);
    }

    private int[] allAxes() {
        int[] a = new int[shape.length];
        for (int i = 0; i < a.length; i++) {
            a[i] = i;
        }
        return a;
    }

    // ---------------------------------------------------------------- linear algebra and fused ops

    /** Matrix product {@code this[..., m, k] @ o[..., k, n]}; batch dimensions broadcast. */
    public Tensor matmul(Tensor o) { return LinearAlgebra.matmul(this, o); }

    public Tensor softmax(int axis) { return Fused.softmax(this, axis); }

    public Tensor logSoftmax(int axis) { return Fused.logSoftmax(this, axis); }

    /** Per-sample cross-entropy of logits {@code [N, C]} against index labels {@code [N]}. */
    public Tensor softmaxCrossEntropy(Tensor labels) { return Fused.softmaxCrossEntropy(this, labels); }

    /**
     * Max pooling of {@code [N, C, H, W]} over non-overlapping {@code k x k} windows (H, W multiples of
     * k); the gradient goes to each window's first maximum. Below 2^24 elements.
     */
    public Tensor maxPool2d(int k) { return Fused.maxPool2d(this, k); }

    /** Batch normalisation over every axis but 1 with this batch's statistics (a batch-norm layer in training). */
    public BatchNormResult batchNorm(Tensor gamma, Tensor beta, float eps) { return Fused.batchNorm(this, gamma, beta, eps); }

    // ---------------------------------------------------------------- movement and indexing

    /** Same data in a new shape; one dimension may be -1. A view when contiguous, else a copy. */
    public Tensor reshape(int... newShape) { return Views.reshape(this, newShape); }
    public Tensor flatten() { return reshape(numel()); }
    public Tensor permute(int... axes) { return Views.permute(this, axes); }
    public Tensor transpose(int a, int b) { return Views.transpose(this, a, b); }
    /** Swaps the last two dimensions. */
    public Tensor t() { return transpose(-2, -1); }
    /** Elements {@code [start, end)} along {@code axis} (a view). */
    public Tensor slice(int axis, int start, int end) { return Views.slice(this, axis, start, end); }
    /** Broadcasts size-1 dimensions to {@code newShape} without copying. */
    public Tensor expand(int... newShape) { return Views.expand(this, newShape); }
    public Tensor unsqueeze(int axis) { return Views.unsqueeze(this, axis); }
    public Tensor squeeze(int axis) { return Views.squeeze(this, axis); }
    /** A contiguous copy if this is a strided view; this tensor otherwise. */
    public Tensor contiguous() { return Views.contiguous(this); }
    public Tensor indexSelect(int axis, Tensor index) { return Indexing.indexSelect(this, axis, index); }
    public Tensor indexSelect(int axis, int... index) { return indexSelect(axis, ofIndices(backend(), index)); }

    public static Tensor concat(List<Tensor> xs, int axis) { return Indexing.concat(xs, axis); }

    /** One-hot rows for index tensor {@code index}: shape {@code index.shape + [classes]}. */
    public static Tensor oneHot(Tensor index, int classes) { return Indexing.oneHot(index, classes); }

    // ---------------------------------------------------------------- package access for op classes

    int[] rawShape() {
        return shape;
    }

    int[] rawStrides() {
        return strides;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Tensor(shape=").append(Arrays.toString(shape))
                .append(", backend=").append(backend().name());
        if (requiresGrad) {
            sb.append(node == null ? ", requiresGrad" : ", grad_fn=" + node.op());
        }
        if (numel() <= 16) {
            sb.append(", values=").append(Arrays.toString(toArray()));
        }
        return sb.append(')').toString();
    }
}

package dev.kiln.opencl;

import static org.jocl.CL.clEnqueueFillBuffer;
import static org.jocl.CL.clEnqueueReadBuffer;
import static org.jocl.CL.clFinish;

import dev.kiln.core.backend.Backend;
import dev.kiln.core.backend.BinaryOp;
import dev.kiln.core.backend.MemoryScope;
import dev.kiln.core.backend.ReduceOp;
import dev.kiln.core.backend.UnaryOp;
import dev.kiln.core.tensor.Shape;
import dev.kiln.core.tensor.Tensor;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_mem;

/**
 * The OpenCL backend: tensors live in device buffers ({@link ClStorage}) and every op enqueues
 * kernels on the device's in-order queue; data crosses to the host only in {@link #toArray}
 * (plus the small index list of {@link #indexAdd}, see {@link ClIndexing}).
 *
 * <p>Buffers are released by {@link ClStorage#close()}, by closing a {@link #scope()}, or by a
 * cleaner when unreachable. {@link #liveBuffers()} counts this backend's unreleased buffers.
 */
public final class OpenClBackend implements Backend {
    private final ClContext ctx;
    private final AtomicLong liveBuffers = new AtomicLong();
    private final AtomicLong liveBytes = new AtomicLong();
    private final ThreadLocal<Deque<BufferScope>> scopes = ThreadLocal.withInitial(BufferScope::newStack);

    OpenClBackend(ClContext ctx) {
        this.ctx = ctx;
    }

    /** A backend on the device the probe selected; fails with the probe's reason when there is none. */
    public static OpenClBackend create() {
        OpenClRuntime.Probe p = OpenClRuntime.probe();
        if (!p.available()) {
            throw new IllegalStateException("OpenCL backend unavailable: " + p.reason());
        }
        return new OpenClBackend(ClContext.forDevice(p.selected()));
    }

    @Override
    public String name() {
        return "opencl";
    }

    public DeviceInfo device() {
        return ctx.device;
    }

    /** Buffers allocated by this backend and not yet released. */
    public long liveBuffers() {
        return liveBuffers.get();
    }

    public long liveBytes() {
        return liveBytes.get();
    }

    /** Opens a scope on this thread: buffers allocated until it closes are released with it. */
    public BufferScope scope() {
        return new BufferScope(scopes.get());
    }

    /** Takes {@code t}'s buffer out of every scope open on this thread (a cache kept across steps). */
    @Override
    public Tensor persistent(Tensor t) {
        if (t.storage() instanceof ClStorage s) {
            for (BufferScope scope : scopes.get()) {
                scope.forget(s);
            }
        }
        return t;
    }

    /** A {@link BufferScope}: the buffers of a training step's temporaries are released at its end. */
    @Override
    public MemoryScope memoryScope() {
        return scope();
    }

    /** Blocks until every queued kernel has finished (for timing). */
    public void synchronize() {
        clFinish(ctx.queue);
    }

    ClContext context() {
        return ctx;
    }

    AtomicLong liveBuffersCounter() {
        return liveBuffers;
    }

    AtomicLong liveBytesCounter() {
        return liveBytes;
    }

    // ---------------------------------------------------------------- memory

    /** A new contiguous, uninitialised tensor. */
    Tensor alloc(int[] shape) {
        int n = Shape.numel(shape);
        long bytes = (long) n * Float.BYTES;
        return Tensor.wrap(register(new ClStorage(this, ctx.memory.allocate(bytes), n, Math.max(bytes, Float.BYTES))), shape);
    }

    private ClStorage register(ClStorage s) {
        BufferScope scope = scopes.get().peek();
        if (scope != null) {
            scope.register(s);
        }
        return s;
    }

    static cl_mem mem(Tensor t) {
        return ((ClStorage) t.storage()).mem();
    }

    @Override
    public Tensor fromArray(float[] data, int[] shape) {
        long bytes = Math.max((long) data.length * Float.BYTES, Float.BYTES);
        return Tensor.wrap(register(new ClStorage(this, ctx.memory.upload(data), data.length, bytes)), shape);
    }

    @Override
    public float[] toArray(Tensor x) {
        int n = x.numel();
        float[] out = new float[n];
        if (n == 0) {
            return out;
        }
        if (x.isContiguous()) {
            clEnqueueReadBuffer(ctx.queue, mem(x), true, (long) x.offset() * Float.BYTES, (long) n * Float.BYTES,
                    Pointer.to(out), 0, null, null);
            return out;
        }
        Tensor c = contiguous(x);
        try {
            clEnqueueReadBuffer(ctx.queue, mem(c), true, 0, (long) n * Float.BYTES, Pointer.to(out), 0, null, null);
        } finally {
            c.storage().close();
        }
        return out;
    }

    @Override
    public Tensor full(int[] shape, float value) {
        Tensor t = alloc(shape);
        int n = t.numel();
        if (n > 0) {
            clEnqueueFillBuffer(ctx.queue, mem(t), Pointer.to(new float[] {value}), Sizeof.cl_float, 0,
                    (long) n * Float.BYTES, 0, null, null);
        }
        return t;
    }

    @Override
    public Tensor contiguous(Tensor x) {
        Tensor out = alloc(x.shape());
        copyInto(out, 0, Shape.contiguousStrides(x.shape()), x);
        return out;
    }

    /** Copies the view {@code x} into {@code out} at {@code outOffset} with {@code outStrides}. */
    void copyInto(Tensor out, int outOffset, int[] outStrides, Tensor x) {
        int n = x.numel();
        if (n == 0) {
            return;
        }
        Layout l = Layout.of("copy", x.shape(), outStrides, x.strides());
        ctx.launch("copy_strided", new long[] {n}, null, mem(out), outOffset, l.strides()[0], l.rank(), l.shape(),
                mem(x), x.offset(), l.strides()[1]);
    }

    // ---------------------------------------------------------------- element-wise

    @Override
    public Tensor unary(UnaryOp op, Tensor x) {
        Tensor out = alloc(x.shape());
        int n = out.numel();
        if (n > 0) {
            Layout l = Layout.of(op.name(), x.shape(), x.strides());
            ctx.launch("ew_unary", new long[] {n}, null, mem(out), op.ordinal(), l.rank(), l.shape(), mem(x),
                    x.offset(), l.strides()[0]);
        }
        return out;
    }

    @Override
    public Tensor binary(BinaryOp op, Tensor a, Tensor b) {
        int[] shape = Shape.broadcast(op.name(), a.shape(), b.shape());
        Tensor out = alloc(shape);
        int n = out.numel();
        if (n > 0) {
            Layout l = Layout.of(op.name(), shape, Shape.broadcastStrides(a.shape(), a.strides(), shape),
                    Shape.broadcastStrides(b.shape(), b.strides(), shape));
            ctx.launch("ew_binary", new long[] {n}, null, mem(out), op.ordinal(), l.rank(), l.shape(), mem(a),
                    a.offset(), l.strides()[0], mem(b), b.offset(), l.strides()[1]);
        }
        return out;
    }

    @Override
    public Tensor where(Tensor cond, Tensor a, Tensor b) {
        int[] shape = Shape.broadcast("where", Shape.broadcast("where", cond.shape(), a.shape()), b.shape());
        Tensor out = alloc(shape);
        int n = out.numel();
        if (n > 0) {
            Layout l = Layout.of("where", shape, Shape.broadcastStrides(cond.shape(), cond.strides(), shape),
                    Shape.broadcastStrides(a.shape(), a.strides(), shape),
                    Shape.broadcastStrides(b.shape(), b.strides(), shape));
            ctx.launch("ew_where", new long[] {n}, null, mem(out), l.rank(), l.shape(), mem(cond), cond.offset(),
                    l.strides()[0], mem(a), a.offset(), l.strides()[1], mem(b), b.offset(), l.strides()[2]);
        }
        return out;
    }

    // ---------------------------------------------------------------- reductions, linear algebra, indexing

    @Override
    public Tensor reduce(ReduceOp op, Tensor x, int[] axes, boolean keepDims) {
        return ClReductions.reduce(this, op, x, axes, keepDims);
    }

    @Override
    public Tensor argmax(Tensor x, int axis, boolean keepDims) {
        return ClReductions.argmax(this, x, axis, keepDims);
    }

    @Override
    public Tensor matmul(Tensor a, Tensor b) {
        return ClMatmul.matmul(this, a, b);
    }

    @Override
    public Tensor concat(List<Tensor> xs, int axis) {
        return ClIndexing.concat(this, xs, axis);
    }

    @Override
    public Tensor indexSelect(Tensor x, int axis, Tensor index) {
        return ClIndexing.indexSelect(this, x, axis, index);
    }

    @Override
    public Tensor indexAdd(Tensor base, int axis, Tensor index, Tensor src) {
        return ClIndexing.indexAdd(this, base, axis, index, src);
    }

    @Override
    public Tensor oneHot(Tensor index, int classes) {
        return ClIndexing.oneHot(this, index, classes);
    }

    // ---------------------------------------------------------------- fused

    @Override
    public Tensor softmax(Tensor x, int axis) {
        return ClReductions.softmax(this, x, axis, false);
    }

    @Override
    public Tensor logSoftmax(Tensor x, int axis) {
        return ClReductions.softmax(this, x, axis, true);
    }

    @Override
    public Tensor softmaxCrossEntropy(Tensor logits, Tensor labels) {
        return ClReductions.softmaxCrossEntropy(this, logits, labels);
    }

    @Override
    public String toString() {
        return "OpenClBackend(" + ctx.device.label() + ")";
    }

    /** Max pooling on the device: values and winner positions, no round trip through the host. */
    @Override
    public Tensor[] maxPool2d(Tensor x, int k) {
        int[] s = x.shape();
        Tensor out = alloc(new int[] {s[0], s[1], s[2] / k, s[3] / k});
        Tensor index = alloc(new int[] {out.numel()});
        if (out.numel() > 0) {
            ctx.launch("max_pool2d", new long[] {out.numel()}, null, mem(out), mem(index), mem(x), x.offset(),
                    Layout.pad(x.strides()), s[1], s[2], s[3], k);
        }
        return new Tensor[] {out, index};
    }
}

package dev.kiln.opencl;

import dev.kiln.core.backend.ReduceOp;
import dev.kiln.core.tensor.Shape;
import dev.kiln.core.tensor.Tensor;
import java.util.Arrays;

/**
 * Reductions, argmax and the fused softmax family. Each output (or softmax row) reads its inputs
 * through strides, so no input is copied. Long reductions use one work-group per output with a
 * tree in local memory; short ones (fewer than {@link #WG_THRESHOLD} elements) one work-item each,
 * which keeps a [batch, 2] row-sum from launching mostly idle work-groups. When there are few
 * outputs of many elements (a full sum of a large tensor), each output is split over several
 * work-groups and a second pass reduces their partials.
 */
final class ClReductions {
    static final int WG_THRESHOLD = 64;
    static final int MAX_GROUP = 256;
    /** Two-pass reductions aim for about this many work-groups in the first pass... */
    static final int TARGET_GROUPS = 256;
    /** ...each reducing at least this many elements. */
    static final int CHUNK = 4096;

    private ClReductions() {
    }

    static Tensor reduce(OpenClBackend be, ReduceOp op, Tensor x, int[] axes, boolean keepDims) {
        int[] shape = x.shape();
        int[] strides = x.strides();
        boolean[] reduced = new boolean[shape.length];
        for (int a : axes) {
            reduced[a] = true;
        }
        int outerRank = shape.length - axes.length;
        int[] oShape = new int[outerRank];
        int[] oStr = new int[outerRank];
        int[] iShape = new int[axes.length];
        int[] iStr = new int[axes.length];
        for (int d = 0, o = 0, i = 0; d < shape.length; d++) {
            if (reduced[d]) {
                iShape[i] = shape[d];
                iStr[i++] = strides[d];
            } else {
                oShape[o] = shape[d];
                oStr[o++] = strides[d];
            }
        }
        int[] outShape = oShape;
        if (keepDims) {
            outShape = shape.clone();
            for (int a : axes) {
                outShape[a] = 1;
            }
        }
        Tensor out = be.alloc(outShape);
        int outN = out.numel();
        if (outN == 0) {
            return out;
        }
        int inner = Shape.numel(iShape);
        Layout ol = Layout.of("reduce", oShape, oStr);
        Layout il = Layout.of("reduce", iShape, iStr);
        ClContext ctx = be.context();
        if (inner < WG_THRESHOLD) {
            ctx.launch("reduce_seq", new long[] {outN}, null, OpenClBackend.mem(out), op.ordinal(),
                    OpenClBackend.mem(x), x.offset(), ol.rank(), ol.shape(), ol.strides()[0], il.rank(), il.shape(),
                    il.strides()[0], inner, inner);
            return out;
        }
        int ls = inner < MAX_GROUP ? WG_THRESHOLD : MAX_GROUP;
        // few outputs of many elements: split each over several work-groups, then reduce the partials
        int parts = Math.max(1, Math.min(TARGET_GROUPS / outN, inner / CHUNK));
        Tensor target = parts == 1 ? out : be.alloc(new int[] {outN, parts});
        ctx.launch("reduce_wg", new long[] {(long) outN * parts * ls}, new long[] {ls}, OpenClBackend.mem(target),
                op.ordinal(), OpenClBackend.mem(x), x.offset(), ol.rank(), ol.shape(), ol.strides()[0], il.rank(),
                il.shape(), il.strides()[0], inner, parts, inner, new ClContext.LocalBytes((long) ls * ctx.realBytes()));
        if (parts > 1) {
            ctx.launch("reduce_seq", new long[] {outN}, null, OpenClBackend.mem(out), op.ordinal(),
                    OpenClBackend.mem(target), 0, 1, Layout.pad(new int[] {outN}), Layout.pad(new int[] {parts}), 1,
                    Layout.pad(new int[] {parts}), Layout.pad(new int[] {1}), parts, inner);
            target.storage().close(); // OpenCL frees it after the queued pass
        }
        return out;
    }

    static Tensor argmax(OpenClBackend be, Tensor x, int axis, boolean keepDims) {
        int[] shape = x.shape();
        int[] outShape;
        if (keepDims) {
            outShape = shape.clone();
            outShape[axis] = 1;
        } else {
            outShape = drop(shape, axis);
        }
        Tensor out = be.alloc(outShape);
        int outN = out.numel();
        if (outN == 0) {
            return out;
        }
        if (shape[axis] == 0) {
            throw new IllegalArgumentException("argmax: axis " + axis + " of shape " + Shape.str(shape) + " is empty");
        }
        Layout ol = Layout.of("argmax", drop(shape, axis), drop(x.strides(), axis));
        int len = shape[axis];
        if (len < WG_THRESHOLD) {
            be.context().launch("argmax_seq", new long[] {outN}, null, OpenClBackend.mem(out), OpenClBackend.mem(x),
                    x.offset(), ol.rank(), ol.shape(), ol.strides()[0], len, x.strides()[axis]);
        } else { // len >= ls: every work-item starts on a real element
            int ls = len < MAX_GROUP ? WG_THRESHOLD : MAX_GROUP;
            be.context().launch("argmax_wg", new long[] {(long) outN * ls}, new long[] {ls}, OpenClBackend.mem(out),
                    OpenClBackend.mem(x), x.offset(), ol.rank(), ol.shape(), ol.strides()[0], len, x.strides()[axis],
                    new ClContext.LocalBytes((long) ls * Float.BYTES), new ClContext.LocalBytes((long) ls * Integer.BYTES));
        }
        return out;
    }

    static Tensor softmax(OpenClBackend be, Tensor x, int axis, boolean log) {
        int[] shape = x.shape();
        Tensor out = be.alloc(shape);
        int len = shape[axis];
        if (out.numel() == 0) {
            return out;
        }
        int[] oStrides = Shape.contiguousStrides(shape);
        int[] rowShape = drop(shape, axis);
        Layout rl = Layout.of("softmax", rowShape, drop(x.strides(), axis), drop(oStrides, axis));
        int rows = Shape.numel(rowShape);
        int ls = groupSize(len);
        ClContext ctx = be.context();
        ctx.launch("softmax_rows", new long[] {(long) rows * ls}, new long[] {ls}, OpenClBackend.mem(out), log ? 1 : 0,
                OpenClBackend.mem(x), x.offset(), rl.rank(), rl.shape(), rl.strides()[0], rl.strides()[1], len,
                x.strides()[axis], oStrides[axis], new ClContext.LocalBytes((long) ls * ctx.realBytes()));
        return out;
    }

    static Tensor softmaxCrossEntropy(OpenClBackend be, Tensor logits, Tensor labels) {
        int[] s = logits.shape();
        Tensor out = be.alloc(new int[] {s[0]});
        if (s[0] == 0) {
            return out;
        }
        int ls = groupSize(s[1]);
        int[] xs = logits.strides();
        ClContext ctx = be.context();
        ctx.launch("softmax_xent", new long[] {(long) s[0] * ls}, new long[] {ls}, OpenClBackend.mem(out),
                OpenClBackend.mem(logits), logits.offset(), xs[0], xs[1], s[1], OpenClBackend.mem(labels),
                labels.offset(), labels.strides()[0], new ClContext.LocalBytes((long) ls * ctx.realBytes()));
        return out;
    }

    /**
     * Work-group size for a row of {@code len}: 16, 64 or 256. Few distinct sizes, because CPU
     * runtimes (POCL) compile a kernel once per work-group size.
     */
    static int groupSize(int len) {
        return len <= 16 ? 16 : len <= WG_THRESHOLD ? WG_THRESHOLD : MAX_GROUP;
    }

    static int[] drop(int[] v, int axis) {
        int[] out = Arrays.copyOf(v, v.length - 1);
        System.arraycopy(v, axis + 1, out, axis, v.length - axis - 1);
        return out;
    }
}

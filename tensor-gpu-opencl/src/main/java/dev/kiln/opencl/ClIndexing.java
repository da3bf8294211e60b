package dev.kiln.opencl;

import static org.jocl.CL.clReleaseMemObject;

import dev.kiln.core.tensor.Shape;
import dev.kiln.core.tensor.Tensor;
import java.util.Arrays;
import java.util.List;
import org.jocl.cl_mem;

/** Concatenation, index selection, scatter-add and one-hot on the device. */
final class ClIndexing {
    private ClIndexing() {
    }

    static Tensor concat(OpenClBackend be, List<Tensor> xs, int axis) {
        int[] shape = xs.get(0).shape();
        shape[axis] = 0;
        for (Tensor t : xs) {
            shape[axis] += t.shape()[axis];
        }
        Tensor out = be.alloc(shape);
        int[] outStrides = Shape.contiguousStrides(shape);
        int start = 0;
        for (Tensor t : xs) {
            // each input lands in the output shifted along the concat axis
            be.copyInto(out, start * outStrides[axis], outStrides, t);
            start += t.shape()[axis];
        }
        return out;
    }

    static Tensor indexSelect(OpenClBackend be, Tensor x, int axis, Tensor index) {
        int[] shape = x.shape();
        shape[axis] = index.numel();
        Tensor out = be.alloc(shape);
        int n = out.numel();
        if (n == 0) {
            return out;
        }
        Layout l = Layout.exact("indexSelect", shape, x.strides());
        be.context().launch("index_select", new long[] {n}, null, OpenClBackend.mem(out), l.rank(), l.shape(), axis,
                OpenClBackend.mem(x), x.offset(), l.strides()[0], OpenClBackend.mem(index), index.offset(),
                index.rank() == 0 ? 0 : index.strides()[0]);
        return out;
    }

    /**
     * Deterministic scatter-add in two passes. Pass one groups the src positions by target slot
     * (a counting sort of the index, which is read to the host: it is L floats, the core already
     * reads it to check its range, and the src/base data stay on the device). Pass two runs one
     * work-item per (target slot, position in the other dims) and adds the group's slices in
     * increasing order, exactly the reference backend's order: results are bit-identical, with no
     * float atomics and no run-to-run variation.
     */
    static Tensor indexAdd(OpenClBackend be, Tensor base, int axis, Tensor index, Tensor src) {
        Tensor out = be.contiguous(base);
        int[] idx = index.toIntArray();
        int[] ss = src.shape();
        if (src.numel() == 0 || idx.length == 0) {
            return out;
        }
        int slots = base.shape()[axis];
        int[] count = new int[slots + 1];
        for (int i = 0; i < idx.length; i++) {
            if (idx[i] < 0 || idx[i] >= slots) {
                throw new IllegalArgumentException("indexAdd: index " + idx[i] + " at position " + i
                        + " is outside [0, " + slots + ") for axis " + axis + " of shape " + Shape.str(base.shape()));
            }
            count[idx[i] + 1]++;
        }
        int distinct = 0;
        for (int j = 0; j < slots; j++) {
            distinct += count[j + 1] > 0 ? 1 : 0;
            count[j + 1] += count[j];
        }
        int[] members = new int[idx.length];
        int[] fill = Arrays.copyOf(count, slots);
        for (int i = 0; i < idx.length; i++) {
            members[fill[idx[i]]++] = i; // increasing i within each slot
        }
        int[] targets = new int[distinct];
        int[] starts = new int[distinct + 1];
        for (int j = 0, t = 0; j < slots; j++) {
            if (count[j + 1] > count[j]) {
                targets[t] = j;
                starts[t] = count[j];
                starts[++t] = count[j + 1];
            }
        }
        int rest = src.numel() / ss[axis];
        Layout l = Layout.exact("indexAdd", ss, Shape.contiguousStrides(base.shape()), src.strides());
        ClContext ctx = be.context();
        cl_mem t = ctx.memory.uploadInts(targets);
        cl_mem st = ctx.memory.uploadInts(starts);
        cl_mem mb = ctx.memory.uploadInts(members);
        try {
            ctx.launch("index_add", new long[] {(long) distinct * rest}, null, OpenClBackend.mem(out), l.strides()[0],
                    l.rank(), l.shape(), axis, rest, OpenClBackend.mem(src), src.offset(), l.strides()[1], t, st, mb);
        } finally { // OpenCL frees them once the queued kernel is done
            clReleaseMemObject(t);
            clReleaseMemObject(st);
            clReleaseMemObject(mb);
        }
        return out;
    }

    static Tensor oneHot(OpenClBackend be, Tensor index, int classes) {
        int[] shape = Arrays.copyOf(index.shape(), index.rank() + 1);
        shape[index.rank()] = classes;
        Tensor out = be.alloc(shape);
        int n = out.numel();
        if (n == 0) {
            return out;
        }
        Layout l = Layout.of("oneHot", index.shape(), index.strides());
        be.context().launch("one_hot", new long[] {n}, null, OpenClBackend.mem(out), classes,
                OpenClBackend.mem(index), index.offset(), l.rank(), l.shape(), l.strides()[0]);
        return out;
    }
}

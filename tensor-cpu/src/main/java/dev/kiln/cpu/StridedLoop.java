package dev.kiln.cpu;

import dev.kiln.core.tensor.Shape;
import java.util.ArrayList;
import java.util.List;

/**
 * Iteration over an output shape for several strided operands (operand 0 is usually the
 * contiguous output). Dimensions of size 1 are dropped and neighbouring dimensions are merged
 * wherever every operand is contiguous across them, so a contiguous op becomes one long row and
 * {@code [N, C] + [C]} becomes N rows of C where the second operand has inner stride 1 and
 * restarts each row. Kernels then see rows with per-operand inner strides (1, 0 or other).
 */
final class StridedLoop {
    private final int[] shape;
    private final int[][] strides;
    private final int[] base;
    private final int inner;
    private final long numel;

    /** A row segment: start offset of each operand and the number of elements. */
    interface Row {
        void row(int[] offsets, int len);
    }

    private StridedLoop(int[] shape, int[][] strides, int[] base) {
        this.shape = shape;
        this.strides = strides;
        this.base = base;
        this.inner = shape[shape.length - 1];
        long n = 1;
        for (int d : shape) {
            n *= d;
        }
        this.numel = n;
    }

    /**
     * {@code strides[k]} has one entry per dimension of {@code shape} (broadcast dims have stride 0).
     * The dimensions are visited in the storage order of operand 0 (the output): a permuted output,
     * such as a result laid out like a transposed input, is still written in one pass.
     */
    static StridedLoop of(int[] shape, int[] offsets, int[]... strides) {
        int[] order = storageOrder(shape, strides[0]);
        if (order != null) {
            shape = permute(shape, order);
            int[][] permuted = new int[strides.length][];
            for (int k = 0; k < strides.length; k++) {
                permuted[k] = permute(strides[k], order);
            }
            strides = permuted;
        }
        int ops = strides.length;
        List<int[]> dims = new ArrayList<>(); // each: size, stride op0, stride op1, ...
        boolean empty = false;
        for (int d = shape.length - 1; d >= 0; d--) {
            if (shape[d] == 0) {
                empty = true;
            }
            if (shape[d] == 1) {
                continue;
            }
            if (!dims.isEmpty()) {
                int[] cur = dims.get(dims.size() - 1);
                boolean merge = true;
                for (int k = 0; k < ops && merge; k++) {
                    merge = strides[k][d] == cur[1 + k] * cur[0];
                }
                if (merge) {
                    cur[0] *= shape[d];
                    continue;
                }
            }
            int[] e = new int[1 + ops];
            e[0] = shape[d];
            for (int k = 0; k < ops; k++) {
                e[1 + k] = strides[k][d];
            }
            dims.add(e);
        }
        if (empty) {
            dims.clear();
            dims.add(new int[1 + ops]); // one dimension of size 0
        } else if (dims.isEmpty()) {
            int[] e = new int[1 + ops];
            e[0] = 1;
            dims.add(e);
        }
        int r = dims.size();
        int[] s = new int[r];
        int[][] st = new int[ops][r];
        for (int i = 0; i < r; i++) {
            int[] e = dims.get(r - 1 - i);
            s[i] = e[0];
            for (int k = 0; k < ops; k++) {
                st[k][i] = e[1 + k];
            }
        }
        return new StridedLoop(s, st, offsets.clone());
    }

    /** Axes by decreasing stride of operand 0 (ties keep their order), or null when already so. */
    private static int[] storageOrder(int[] shape, int[] strides) {
        long previous = Long.MAX_VALUE;
        for (int d = 0; d < shape.length; d++) {
            if (shape[d] != 1) { // a size-1 axis has any stride and no order
                if (strides[d] > previous) {
                    return Shape.storageOrder(strides);
                }
                previous = strides[d];
            }
        }
        return null;
    }

    private static int[] permute(int[] values, int[] order) {
        int[] out = new int[order.length];
        for (int d = 0; d < order.length; d++) {
            out[d] = values[order[d]];
        }
        return out;
    }

    long numel() {
        return numel;
    }

    int inner() {
        return inner;
    }

    int rank() {
        return shape.length;
    }

    /** Inner (last-dimension) stride of operand {@code k}. */
    int innerStride(int k) {
        return strides[k][shape.length - 1];
    }

    /** Visits the elements {@code [start, end)} (row-major positions) as row segments, in order. */
    void forRange(long start, long end, Row body) {
        if (start >= end) {
            return;
        }
        int rank = shape.length;
        int ops = base.length;
        int[] idx = new int[rank];
        long row = start / inner;
        int col = (int) (start % inner);
        for (int d = rank - 2; d >= 0; d--) {
            idx[d] = (int) (row % shape[d]);
            row /= shape[d];
        }
        int[] offs = new int[ops];
        long pos = start;
        while (pos < end) {
            for (int k = 0; k < ops; k++) {
                int o = base[k] + col * strides[k][rank - 1];
                for (int d = 0; d < rank - 1; d++) {
                    o += idx[d] * strides[k][d];
                }
                offs[k] = o;
            }
            int len = (int) Math.min(inner - col, end - pos);
            body.row(offs, len);
            pos += len;
            col = 0;
            for (int d = rank - 2; d >= 0; d--) { // odometer over the outer dimensions
                if (++idx[d] < shape[d]) {
                    break;
                }
                idx[d] = 0;
            }
        }
    }

    /** Splits the whole range over the pool's threads (at least {@code grain} elements each). */
    void forAll(Parallel pool, long grain, Row body) {
        int tasks = pool.tasksFor(numel, grain);
        if (tasks == 1) {
            forRange(0, numel, body);
            return;
        }
        pool.run(tasks, t -> forRange(numel * t / tasks, numel * (t + 1) / tasks, body));
    }
}

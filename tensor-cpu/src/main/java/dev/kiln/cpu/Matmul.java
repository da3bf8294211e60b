package dev.kiln.cpu;

import dev.kiln.core.tensor.Shape;
import dev.kiln.core.tensor.Tensor;
import java.util.Arrays;

/** Batched, broadcasting {@code matmul} on top of {@link Gemm}. */
final class Matmul {
    private Matmul() {
    }

    static Tensor matmul(CpuBackend backend, Parallel pool, Tensor a, Tensor b) {
        int[] as = a.shape();
        int[] bs = b.shape();
        int ra = as.length;
        int rb = bs.length;
        int m = as[ra - 2];
        int k = as[ra - 1];
        int n = bs[rb - 1];
        int[] aBatchShape = Arrays.copyOf(as, ra - 2);
        int[] bBatchShape = Arrays.copyOf(bs, rb - 2);
        int[] batch = Shape.broadcast("matmul", aBatchShape, bBatchShape);
        int[] outShape = Arrays.copyOf(batch, batch.length + 2);
        outShape[batch.length] = m;
        outShape[batch.length + 1] = n;
        Tensor out = backend.output(outShape); // every element is written (k == 0: zeros)
        float[] o = CpuBackend.data(out);
        int[] ast = a.strides();
        int[] bst = b.strides();
        int[] aBatch = Shape.broadcastStrides(aBatchShape, Arrays.copyOf(ast, ra - 2), batch);
        int[] bBatch = Shape.broadcastStrides(bBatchShape, Arrays.copyOf(bst, rb - 2), batch);
        float[] ad = CpuBackend.data(a);
        float[] bd = CpuBackend.data(b);
        int nb = Shape.numel(batch);
        int ars = ast[ra - 2];
        int acs = ast[ra - 1];
        Gemm.Operand bOp0 = new Gemm.Operand(bd, b.offset(), bst[rb - 2], bst[rb - 1]);
        if (nb > 1 && allZero(bBatch) && rowsFlatten(batch, aBatch, m, ars)) {
            // [..., m, k] @ [k, n]: one GEMM with nb*m rows (e.g. a dense layer applied to a sequence)
            Gemm.multiply(pool, nb * m, n, k, new Gemm.Operand(ad, a.offset(), ars, acs), bOp0, o, 0);
            return out;
        }
        long work = (long) m * n * k;
        if (nb > 1 && work < Gemm.PARALLEL_GRAIN * 8L) {
            // many small products: one product per task, each on one thread
            int tasks = pool.tasksFor(nb * work, Gemm.PARALLEL_GRAIN);
            pool.run(tasks, t -> {
                for (int p = Parallel.split(nb, tasks, t); p < Parallel.split(nb, tasks, t + 1); p++) {
                    one(pool, p, batch, aBatch, bBatch, a.offset(), b.offset(), m, n, k, ad, ars, acs, bd,
                            bst[rb - 2], bst[rb - 1], o);
                }
            });
            return out;
        }
        for (int p = 0; p < nb; p++) {
            one(pool, p, batch, aBatch, bBatch, a.offset(), b.offset(), m, n, k, ad, ars, acs, bd, bst[rb - 2],
                    bst[rb - 1], o);
        }
        return out;
    }

    private static void one(Parallel pool, int p, int[] batch, int[] aBatch, int[] bBatch, int aOff, int bOff,
                            int m, int n, int k, float[] ad, int ars, int acs, float[] bd, int brs, int bcs, float[] o) {
        Gemm.Operand ao = new Gemm.Operand(ad, offsetOf(p, batch, aBatch, aOff), ars, acs);
        Gemm.Operand bo = new Gemm.Operand(bd, offsetOf(p, batch, bBatch, bOff), brs, bcs);
        Gemm.multiply(pool, m, n, k, ao, bo, o, p * m * n);
    }

    private static boolean allZero(int[] s) {
        for (int v : s) {
            if (v != 0) {
                return false;
            }
        }
        return true;
    }

    /** Whether rows of every batch entry of A follow each other with one uniform row stride. */
    private static boolean rowsFlatten(int[] batch, int[] aBatch, int m, int ars) {
        int expected = m * ars;
        for (int d = batch.length - 1; d >= 0; d--) {
            if (batch[d] != 1 && aBatch[d] != expected) {
                return false;
            }
            expected *= batch[d];
        }
        return true;
    }

    private static int offsetOf(int linear, int[] shape, int[] strides, int base) {
        int off = base;
        for (int d = shape.length - 1; d >= 0; d--) {
            off += (linear % shape[d]) * strides[d];
            linear /= shape[d];
        }
        return off;
    }
}

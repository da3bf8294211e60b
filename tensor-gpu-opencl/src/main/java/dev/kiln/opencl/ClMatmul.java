package dev.kiln.opencl;

import dev.kiln.core.tensor.Shape;
import dev.kiln.core.tensor.Tensor;
import java.util.Arrays;

/**
 * Batched matrix product on the tiled sgemm kernel (kernels.cl): TILE x TILE output tiles per
 * work-group, WPT x WPT outputs per item held in registers (fragments read as float4), 16-deep
 * slices of A and B staged in local memory; see {@link SgemmConfig}. Operands are read through their strides, so {@code a.t()} and
 * broadcast batch dimensions cost no copy; the third launch dimension walks the batch.
 */
final class ClMatmul {
    private ClMatmul() {
    }

    static Tensor matmul(OpenClBackend be, Tensor a, Tensor b) {
        int[] as = a.shape();
        int[] bs = b.shape();
        int[] ast = a.strides();
        int[] bst = b.strides();
        int m = as[as.length - 2];
        int k = as[as.length - 1];
        int n = bs[bs.length - 1];
        int[] aBatchShape = Arrays.copyOf(as, as.length - 2);
        int[] bBatchShape = Arrays.copyOf(bs, bs.length - 2);
        int[] batch = Shape.broadcast("matmul", aBatchShape, bBatchShape);
        int[] outShape = Arrays.copyOf(batch, batch.length + 2);
        outShape[batch.length] = m;
        outShape[batch.length + 1] = n;
        Tensor out = be.alloc(outShape);
        if (out.numel() == 0) {
            return out;
        }
        Layout bl = Layout.of("matmul", batch,
                Shape.broadcastStrides(aBatchShape, Arrays.copyOf(ast, ast.length - 2), batch),
                Shape.broadcastStrides(bBatchShape, Arrays.copyOf(bst, bst.length - 2), batch));
        int nb = Shape.numel(batch);
        SgemmConfig cfg = be.context().sgemm;
        long gx = (long) ceilDiv(n, cfg.tile()) * cfg.local();
        long gy = (long) ceilDiv(m, cfg.tile()) * cfg.local();
        be.context().launch("sgemm", new long[] {gx, gy, nb}, new long[] {cfg.local(), cfg.local(), 1},
                OpenClBackend.mem(out), m, n, k,
                OpenClBackend.mem(a), a.offset(), ast[as.length - 2], ast[as.length - 1],
                OpenClBackend.mem(b), b.offset(), bst[bs.length - 2], bst[bs.length - 1],
                bl.rank(), bl.shape(), bl.strides()[0], bl.strides()[1]);
        return out;
    }

    private static int ceilDiv(int x, int d) {
        return (x + d - 1) / d;
    }
}

package dev.kiln.core.tensor;

/** Matrix multiplication with its backward rule. */
final class LinearAlgebra {
    private LinearAlgebra() {
    }

    static Tensor matmul(Tensor a, Tensor b) {
        Checks.sameBackend("matmul", a, b);
        int[] as = a.rawShape();
        int[] bs = b.rawShape();
        if (as.length < 2 || bs.length < 2) {
            throw new IllegalArgumentException("matmul: both operands need rank >= 2, got shapes "
                    + Shape.str(as) + " and " + Shape.str(bs) + " (use unsqueeze for vectors)");
        }
        if (as[as.length - 1] != bs[bs.length - 2]) {
            throw new IllegalArgumentException("matmul: shapes " + Shape.str(as) + " and " + Shape.str(bs)
                    + " are not aligned (" + as[as.length - 1] + " != " + bs[bs.length - 2] + ")");
        }
        Shape.broadcast("matmul (batch dimensions)", java.util.Arrays.copyOf(as, as.length - 2),
                java.util.Arrays.copyOf(bs, bs.length - 2));
        Tensor out = a.backend().matmul(a, b);
        return Autograd.record(out, "matmul", new Tensor[] {a, b}, g -> new Tensor[] {
                a.requiresGrad() ? Elementwise.reduceTo(columnMajor(a) ? b.matmul(g.t()).t() : g.matmul(b.t()), a) : null,
                b.requiresGrad() ? Elementwise.reduceTo(columnMajor(b) ? g.t().matmul(a).t() : a.t().matmul(g), b) : null});
    }

    /**
     * A 2-D operand stored transposed, such as a dense layer's {@code [out, in]} weight used as
     * {@code weight.t()}. Its gradient is then computed as the transpose of a row-major product, so
     * it arrives in the operand's own layout and the transpose's backward hands the weight a
     * contiguous gradient: no copy per step (the same values either way; only the order of the
     * operands of one product changes, and each dot product still sums over the same index range).
     */
    private static boolean columnMajor(Tensor x) {
        int[] st = x.strides();
        int[] sh = x.rawShape();
        return sh.length == 2 && sh[0] > 1 && sh[1] > 1 && st[0] == 1 && st[1] == sh[0];
    }
}

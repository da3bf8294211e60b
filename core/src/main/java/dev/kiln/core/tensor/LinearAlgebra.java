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
                a.requiresGrad() ? Elementwise.reduceTo(g.matmul(b.t()), a) : null,
                b.requiresGrad() ? Elementwise.reduceTo(a.t().matmul(g), b) : null});
    }
}

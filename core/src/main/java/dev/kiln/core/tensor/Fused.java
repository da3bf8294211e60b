package dev.kiln.core.tensor;

/** Fused ops (softmax family) with their backward rules. */
final class Fused {
    private Fused() {
    }

    static Tensor softmax(Tensor x, int axis) {
        int a = Shape.axis("softmax", axis, x.rank());
        Tensor out = x.backend().softmax(x, a);
        return Autograd.record(out, "softmax", new Tensor[] {x},
                g -> new Tensor[] {out.mul(g.sub(g.mul(out).sum(a, true)))});
    }

    static Tensor logSoftmax(Tensor x, int axis) {
        int a = Shape.axis("logSoftmax", axis, x.rank());
        Tensor out = x.backend().logSoftmax(x, a);
        return Autograd.record(out, "logSoftmax", new Tensor[] {x},
                g -> new Tensor[] {g.sub(out.exp().mul(g.sum(a, true)))});
    }

    static Tensor softmaxCrossEntropy(Tensor logits, Tensor labels) {
        Checks.sameBackend("softmaxCrossEntropy", logits, labels);
        if (logits.rank() != 2 || labels.rank() != 1 || labels.shape(0) != logits.shape(0)) {
            throw new IllegalArgumentException("softmaxCrossEntropy: expected logits [N, C] and labels [N], got "
                    + Shape.str(logits.rawShape()) + " and " + Shape.str(labels.rawShape()));
        }
        Tensor out = logits.backend().softmaxCrossEntropy(logits, labels);
        return Autograd.record(out, "softmaxCrossEntropy", new Tensor[] {logits, labels},
                g -> new Tensor[] {logits.backend().softmaxCrossEntropyGrad(logits, labels, g), null});
    }
}

package dev.kiln.core.tensor;

/** Fused ops (softmax family, batch normalisation, max pooling) with their backward rules. */
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

    static BatchNormResult batchNorm(Tensor x, Tensor gamma, Tensor beta, float eps) {
        Checks.sameBackend("batchNorm", x, gamma);
        Checks.sameBackend("batchNorm", x, beta);
        int[] xs = x.rawShape();
        if (xs.length < 2 || gamma.rank() != 1 || beta.rank() != 1 || gamma.shape(0) != xs[1] || beta.shape(0) != xs[1]) {
            throw new IllegalArgumentException("batchNorm: expected x [N, C, ...] with gamma and beta [C], got "
                    + Shape.str(xs) + ", " + Shape.str(gamma.rawShape()) + " and " + Shape.str(beta.rawShape()));
        }
        if (!(eps > 0)) {
            throw new IllegalArgumentException("batchNorm: eps must be positive, got " + eps);
        }
        Tensor[] r;
        try (var ignored = Autograd.noGrad()) { // the defaults reshape gamma and beta: no graph for those views
            r = x.backend().batchNorm(x, gamma, beta, eps);
        }
        Tensor mean = r[0];
        Tensor var = r[1];
        Tensor y = Autograd.record(r[2], "batchNorm", new Tensor[] {x, gamma, beta},
                g -> x.backend().batchNormGrad(x, gamma, mean, var, eps, g));
        return new BatchNormResult(y, mean, var);
    }

    static Tensor maxPool2d(Tensor x, int k) {
        int[] s = x.rawShape();
        if (s.length != 4 || k <= 0 || s[2] % k != 0 || s[3] % k != 0) {
            throw new IllegalArgumentException("maxPool2d: expected [N, C, H, W] with H and W multiples of the window "
                    + k + ", got " + Shape.str(s));
        }
        if (x.numel() >= 1 << 24) {
            throw new IllegalArgumentException("maxPool2d: " + x.numel() + " elements is past the 2^24 positions a float "
                    + "index holds exactly; pool smaller batches");
        }
        Tensor[] r;
        try (var ignored = Autograd.noGrad()) {
            r = x.backend().maxPool2d(x, k);
        }
        Tensor index = r[1];
        return Autograd.record(r[0], "maxPool2d", new Tensor[] {x}, g -> new Tensor[] {x.backend()
                .indexAdd(Tensor.zeros(x.backend(), x.numel()), 0, index, g.reshape(-1)).reshape(s)});
    }
}

package dev.kiln.core.nn;

import dev.kiln.core.tensor.Shape;
import dev.kiln.core.tensor.Tensor;
import java.util.Arrays;

/**
 * Cross-entropy on logits (log-softmax is fused in, as in PyTorch's {@code CrossEntropyLoss}).
 * Targets are either class indices {@code [N]} or class probabilities {@code [N, C]} (one-hot or
 * soft labels). Returns the batch mean.
 */
public final class CrossEntropy implements Loss {
    @Override
    public Tensor compute(Tensor logits, Tensor target) {
        if (logits.rank() != 2) {
            throw new IllegalArgumentException("cross-entropy loss: logits must be [N, C], got "
                    + Shape.str(logits.shape()));
        }
        if (target.rank() == 1) {
            return logits.softmaxCrossEntropy(target).mean();
        }
        if (!Arrays.equals(target.shape(), logits.shape())) {
            throw new IllegalArgumentException("cross-entropy loss: target must be labels [N] or probabilities "
                    + Shape.str(logits.shape()) + ", got " + Shape.str(target.shape()));
        }
        return logits.logSoftmax(1).mul(target).sum(1, false).neg().mean();
    }

    @Override
    public String name() {
        return "cross_entropy";
    }
}

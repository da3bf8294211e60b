package dev.kiln.supervised.loss;

import dev.kiln.core.nn.Loss;
import dev.kiln.core.tensor.Autograd;
import dev.kiln.core.tensor.Shape;
import dev.kiln.core.tensor.Tensor;
import java.util.Arrays;

/**
 * Binary cross-entropy on logits, mean over all elements (PyTorch's {@code BCEWithLogitsLoss}).
 * Targets are probabilities in [0, 1] of the logits' shape. The value is computed in the stable
 * form {@code (1 - y) x + w (log(1 + exp(-|x|)) + max(-x, 0))}, {@code w = 1 + (posWeight - 1) y},
 * which never exponentiates a large positive number; the gradient is the fused
 * {@code ((1 - y) - w sigmoid(-x)) / n} (for posWeight 1: {@code (sigmoid(x) - y) / n}), exact also
 * at {@code x = 0} where the pieces of the stable form have kinks. No gradient flows to the targets.
 */
public final class BinaryCrossEntropyWithLogits implements Loss {
    private final float posWeight;

    public BinaryCrossEntropyWithLogits() {
        this(1f);
    }

    /** {@code posWeight > 1} raises the weight of positive examples (recall), as PyTorch's {@code pos_weight}. */
    public BinaryCrossEntropyWithLogits(float posWeight) {
        if (!(posWeight > 0) || Float.isInfinite(posWeight)) {
            throw new IllegalArgumentException("binary cross-entropy: posWeight must be positive and finite, got " + posWeight);
        }
        this.posWeight = posWeight;
    }

    @Override
    public Tensor compute(Tensor logits, Tensor target) {
        if (!Arrays.equals(logits.shape(), target.shape())) {
            throw new IllegalArgumentException("binary cross-entropy loss: logits shape " + Shape.str(logits.shape())
                    + " differs from target shape " + Shape.str(target.shape()));
        }
        float n = logits.numel();
        Tensor value;
        Tensor w;
        try (var ignored = Autograd.noGrad()) {
            Tensor x = logits.detach();
            Tensor y = target.detach();
            w = posWeight == 1f ? null : y.mul(posWeight - 1f).add(1f);
            Tensor softplusNeg = x.abs().neg().exp().add(1f).log().add(x.neg().relu());
            Tensor perElement = y.neg().add(1f).mul(x).add(w == null ? softplusNeg : w.mul(softplusNeg));
            value = perElement.mean();
        }
        Tensor weight = w;
        return Autograd.record(value, "binaryCrossEntropyWithLogits", new Tensor[] {logits, target}, g -> {
            Tensor x = logits.detach();
            Tensor y = target.detach();
            Tensor sigNeg = x.neg().sigmoid();
            Tensor d = y.neg().add(1f).sub(weight == null ? sigNeg : weight.mul(sigNeg));
            return new Tensor[] {d.mul(g.div(n)), null};
        });
    }

    @Override
    public String name() {
        return "binary_cross_entropy";
    }
}

package dev.kiln.supervised.loss;

import dev.kiln.core.nn.Loss;
import dev.kiln.core.nn.Model;
import dev.kiln.core.nn.Parameter;
import dev.kiln.core.tensor.Tensor;
import java.util.Map;

/**
 * An L1 or L2 penalty over a model's parameters, added to a loss:
 * <pre>{@code
 * Tensor total = loss.compute(out, y).add(Penalty.l2(1e-4).compute(model));
 * Loss regularised = Penalty.l2(1e-4).weightsOnly().addTo(new CrossEntropy(), model);
 * }</pre>
 * L2 is {@code (lambda / 2) * sum(w^2)}, so its gradient {@code lambda * w} equals SGD's
 * {@code weight_decay = lambda}; L1 is {@code lambda * sum(|w|)}. {@link #weightsOnly()} skips 1-D
 * parameters (biases, normalisation scales), the usual choice.
 */
public final class Penalty {
    private final boolean l1;
    private final float lambda;
    private final boolean weightsOnly;

    private Penalty(boolean l1, double lambda, boolean weightsOnly) {
        if (!(lambda >= 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException((l1 ? "L1" : "L2") + " penalty: lambda must be finite and >= 0, got " + lambda);
        }
        this.l1 = l1;
        this.lambda = (float) lambda;
        this.weightsOnly = weightsOnly;
    }

    /** {@code lambda * sum(|w|)}. */
    public static Penalty l1(double lambda) {
        return new Penalty(true, lambda, false);
    }

    /** {@code (lambda / 2) * sum(w^2)}. */
    public static Penalty l2(double lambda) {
        return new Penalty(false, lambda, false);
    }

    /** The same penalty, skipping parameters of rank 1 (biases, batch-norm scale and shift). */
    public Penalty weightsOnly() {
        return new Penalty(l1, lambda, true);
    }

    /** The penalty over all of {@code model}'s parameters (a scalar tensor, differentiable). */
    public Tensor compute(Model model) {
        return compute(model.namedParameters());
    }

    public Tensor compute(Map<String, Parameter> parameters) {
        Tensor total = null;
        for (Parameter p : parameters.values()) {
            Tensor w = p.value();
            if (weightsOnly && w.rank() <= 1) {
                continue;
            }
            Tensor term = l1 ? w.abs().sum() : w.square().sum();
            total = total == null ? term : total.add(term);
        }
        if (total == null) {
            return Tensor.scalar(0f);
        }
        return total.mul(l1 ? lambda : lambda / 2);
    }

    /** {@code base} plus this penalty on {@code model}'s current parameters. */
    public Loss addTo(Loss base, Model model) {
        Penalty self = this;
        return new Loss() {
            @Override
            public Tensor compute(Tensor prediction, Tensor target) {
                return base.compute(prediction, target).add(self.compute(model));
            }

            @Override
            public String name() {
                return base.name() + "+" + self;
            }
        };
    }

    @Override
    public String toString() {
        return (l1 ? "l1(" : "l2(") + lambda + (weightsOnly ? ", weights only)" : ")");
    }
}

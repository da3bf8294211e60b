package dev.kiln.supervised.optim;

import dev.kiln.core.nn.Model;
import dev.kiln.core.nn.Parameter;
import dev.kiln.core.tensor.Tensor;
import java.util.List;
import java.util.Map;

/**
 * Stochastic gradient descent with optional momentum, Nesterov momentum, dampening and (L2)
 * weight decay, following PyTorch's {@code torch.optim.SGD} exactly:
 * <pre>
 *   g   = grad + weight_decay * w
 *   buf = g                                   (first step)
 *   buf = momentum * buf + (1 - dampening) * g (later steps)
 *   g   = nesterov ? g + momentum * buf : buf
 *   w   = w - lr * g
 * </pre>
 * State: {@code "momentum_buffer.<parameter>"} when momentum is on.
 */
public final class SGD extends AbstractOptimizer {
    private static final int BUF = 0;

    private double momentum;
    private double dampening;
    private boolean nesterov;
    private double weightDecay;

    public SGD(Model model, double lr) {
        this(model.namedParameters(), lr);
    }

    public SGD(List<Parameter> parameters, double lr) {
        this(byPosition(parameters), lr);
    }

    public SGD(Map<String, Parameter> named, double lr) {
        super("SGD", named, lr, "momentum_buffer");
    }

    public SGD momentum(double momentum) {
        requireIn("SGD", "momentum", momentum, 0, 1);
        this.momentum = momentum;
        return this;
    }

    public SGD dampening(double dampening) {
        requireIn("SGD", "dampening", dampening, 0, 1);
        this.dampening = dampening;
        return this;
    }

    /** Nesterov momentum (needs momentum > 0 and no dampening, as in PyTorch). */
    public SGD nesterov(boolean nesterov) {
        this.nesterov = nesterov;
        return this;
    }

    public SGD weightDecay(double weightDecay) {
        requireIn("SGD", "weight decay", weightDecay, 0, Double.MAX_VALUE);
        this.weightDecay = weightDecay;
        return this;
    }

    @Override
    protected void update(int i, Parameter p, Tensor grad) {
        if (nesterov && (momentum <= 0 || dampening != 0)) {
            throw new IllegalStateException("SGD: Nesterov momentum needs momentum > 0 and dampening 0, got momentum "
                    + momentum + ", dampening " + dampening);
        }
        Tensor w = p.value();
        Tensor g = weightDecay == 0 || !decays(i) ? grad : grad.axpby(1f, w, (float) weightDecay);
        if (momentum != 0) {
            Tensor buf = slot(BUF, i);
            buf = buf == null ? g : buf.axpby((float) momentum, g, (float) (1 - dampening));
            slot(BUF, i, buf);
            g = nesterov ? g.axpby(1f, buf, (float) momentum) : buf;
        }
        // w + (-lr) * g rounds exactly as w - lr * g: negation is exact
        p.set(w.axpby(1f, g, (float) -learningRateOf(i)));
    }
}

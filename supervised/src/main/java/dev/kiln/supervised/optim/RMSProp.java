package dev.kiln.supervised.optim;

import dev.kiln.core.nn.Model;
import dev.kiln.core.nn.Parameter;
import dev.kiln.core.tensor.Tensor;
import java.util.List;
import java.util.Map;

/**
 * RMSProp, following PyTorch's {@code torch.optim.RMSprop}:
 * <pre>
 *   g   = grad + weight_decay * w
 *   v   = alpha * v + (1 - alpha) * g^2
 *   avg = sqrt(v) + eps                      (centered: sqrt(v - mean_g^2) + eps,
 *                                             mean_g = alpha * mean_g + (1 - alpha) * g)
 *   w   = w - lr * g / avg                   (momentum: buf = momentum * buf + g / avg; w = w - lr * buf)
 * </pre>
 * Defaults: lr 0.01 in PyTorch (given explicitly here), alpha 0.99, eps 1e-8.
 * State: {@code "square_avg"}, {@code "momentum_buffer"}, {@code "grad_avg"} per parameter.
 */
public final class RMSProp extends AbstractOptimizer {
    private static final int SQ = 0;
    private static final int BUF = 1;
    private static final int GAVG = 2;

    private double alpha = 0.99;
    private double eps = 1e-8;
    private double momentum;
    private double weightDecay;
    private boolean centered;

    public RMSProp(Model model, double lr) {
        this(model.namedParameters(), lr);
    }

    public RMSProp(List<Parameter> parameters, double lr) {
        this(byPosition(parameters), lr);
    }

    public RMSProp(Map<String, Parameter> named, double lr) {
        super("RMSProp", named, lr, "square_avg", "momentum_buffer", "grad_avg");
    }

    public RMSProp alpha(double alpha) {
        requireIn("RMSProp", "alpha", alpha, 0, 1);
        this.alpha = alpha;
        return this;
    }

    public RMSProp eps(double eps) {
        requireIn("RMSProp", "eps", eps, 0, 1);
        this.eps = eps;
        return this;
    }

    public RMSProp momentum(double momentum) {
        requireIn("RMSProp", "momentum", momentum, 0, 1);
        this.momentum = momentum;
        return this;
    }

    public RMSProp weightDecay(double weightDecay) {
        requireIn("RMSProp", "weight decay", weightDecay, 0, Double.MAX_VALUE);
        this.weightDecay = weightDecay;
        return this;
    }

    public RMSProp centered(boolean centered) {
        this.centered = centered;
        return this;
    }

    @Override
    protected void update(int i, Parameter p, Tensor grad) {
        Tensor w = p.value();
        Tensor g = weightDecay == 0 || !decays(i) ? grad : grad.add(w.mul((float) weightDecay));
        Tensor sq = slot(SQ, i);
        Tensor g2 = g.square().mul((float) (1 - alpha));
        sq = sq == null ? g2 : sq.mul((float) alpha).add(g2);
        slot(SQ, i, sq);
        Tensor avg;
        if (centered) {
            Tensor ga = slot(GAVG, i);
            Tensor gs = g.mul((float) (1 - alpha));
            ga = ga == null ? gs : ga.mul((float) alpha).add(gs);
            slot(GAVG, i, ga);
            avg = sq.sub(ga.square()).sqrt().add((float) eps);
        } else {
            avg = sq.sqrt().add((float) eps);
        }
        float lr = (float) learningRateOf(i);
        if (momentum > 0) {
            Tensor buf = slot(BUF, i);
            Tensor step = g.div(avg);
            buf = buf == null ? step : buf.mul((float) momentum).add(step);
            slot(BUF, i, buf);
            p.set(w.sub(buf.mul(lr)));
        } else {
            p.set(w.sub(g.div(avg).mul(lr)));
        }
    }
}

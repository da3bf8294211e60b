package dev.kiln.supervised.optim;

import dev.kiln.core.nn.Model;
import dev.kiln.core.nn.Parameter;
import dev.kiln.core.tensor.Tensor;
import java.util.List;
import java.util.Map;

/**
 * Adam (Kingma and Ba), following PyTorch's {@code torch.optim.Adam}:
 * <pre>
 *   g = grad + weight_decay * w                    (L2 penalty; see {@link AdamW} for decoupled decay)
 *   m = beta1 * m + (1 - beta1) * g
 *   v = beta2 * v + (1 - beta2) * g^2
 *   w = w - (lr / (1 - beta1^t)) * m / (sqrt(v) / sqrt(1 - beta2^t) + eps)
 * </pre>
 * Defaults: lr 1e-3, betas (0.9, 0.999), eps 1e-8. {@code t} is the optimizer's step count.
 * State: {@code "exp_avg.<parameter>"}, {@code "exp_avg_sq.<parameter>"}.
 */
public class Adam extends AbstractOptimizer {
    private static final int M = 0;
    private static final int V = 1;

    private final boolean decoupled;
    private double beta1 = 0.9;
    private double beta2 = 0.999;
    private double eps = 1e-8;
    private double weightDecay;

    public Adam(Model model, double lr) {
        this(model.namedParameters(), lr);
    }

    public Adam(List<Parameter> parameters, double lr) {
        this(byPosition(parameters), lr);
    }

    public Adam(Map<String, Parameter> named, double lr) {
        this("Adam", named, lr, false);
    }

    Adam(String kind, Map<String, Parameter> named, double lr, boolean decoupled) {
        super(kind, named, lr, "exp_avg", "exp_avg_sq");
        this.decoupled = decoupled;
    }

    public Adam betas(double beta1, double beta2) {
        requireIn(kind(), "beta1", beta1, 0, 0.9999999);
        requireIn(kind(), "beta2", beta2, 0, 0.9999999);
        this.beta1 = beta1;
        this.beta2 = beta2;
        return this;
    }

    public Adam eps(double eps) {
        requireIn(kind(), "eps", eps, 0, 1);
        this.eps = eps;
        return this;
    }

    public Adam weightDecay(double weightDecay) {
        requireIn(kind(), "weight decay", weightDecay, 0, Double.MAX_VALUE);
        this.weightDecay = weightDecay;
        return this;
    }

    public double weightDecay() {
        return weightDecay;
    }

    @Override
    protected void update(int i, Parameter p, Tensor grad) {
        double lr = learningRateOf(i);
        Tensor w = p.value();
        Tensor g = grad;
        if (weightDecay != 0 && decays(i)) {
            if (decoupled) {
                w = w.mul((float) (1 - lr * weightDecay));
            } else {
                g = g.axpby(1f, w, (float) weightDecay);
            }
        }
        Tensor m = slot(M, i);
        Tensor v = slot(V, i);
        // axpby rounds like mul, mul, add did, so results are unchanged; it is one pass instead of three
        m = m == null ? g.mul((float) (1 - beta1)) : m.axpby((float) beta1, g, (float) (1 - beta1));
        Tensor g2 = g.square();
        v = v == null ? g2.mul((float) (1 - beta2)) : v.axpby((float) beta2, g2, (float) (1 - beta2));
        slot(M, i, m);
        slot(V, i, v);
        long t = stepCount();
        double bc1 = 1 - Math.pow(beta1, t);
        double bc2 = 1 - Math.pow(beta2, t);
        Tensor denom = v.sqrt().mul((float) (1 / Math.sqrt(bc2))).add((float) eps);
        p.set(w.axpby(1f, m.div(denom), (float) -(lr / bc1)));
    }
}

package dev.kiln.supervised.optim;

import dev.kiln.core.nn.Model;
import dev.kiln.core.nn.Parameter;
import java.util.List;
import java.util.Map;

/**
 * Adam with decoupled weight decay (Loshchilov and Hutter), as PyTorch's {@code torch.optim.AdamW}:
 * each step first shrinks the weights, {@code w = w * (1 - lr * weight_decay)}, then applies the
 * Adam update with the raw gradient. Default weight decay 0.01, as in PyTorch.
 */
public final class AdamW extends Adam {
    public AdamW(Model model, double lr) {
        this(model.namedParameters(), lr);
    }

    public AdamW(List<Parameter> parameters, double lr) {
        this(byPosition(parameters), lr);
    }

    public AdamW(Map<String, Parameter> named, double lr) {
        super("AdamW", named, lr, true);
        weightDecay(0.01);
    }
}

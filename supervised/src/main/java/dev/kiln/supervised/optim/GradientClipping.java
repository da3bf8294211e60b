package dev.kiln.supervised.optim;

import dev.kiln.core.nn.Parameter;
import dev.kiln.core.tensor.Autograd;
import dev.kiln.core.tensor.Tensor;
import java.util.List;

/**
 * Global gradient norm: {@code sqrt(sum over parameters of sum(grad^2))}. Clipping itself is an
 * option of every optimizer ({@link AbstractOptimizer#clipGradNorm(double)}), which rescales the
 * gradients as it reads them: a gradient tensor belongs to autograd and is not replaced in place.
 */
public final class GradientClipping {
    private GradientClipping() {
    }

    /** The L2 norm of all gradients together (parameters without a gradient count as zero). */
    public static double globalNorm(List<Parameter> parameters) {
        try (var ignored = Autograd.noGrad()) {
            Tensor total = null;
            for (Parameter p : parameters) {
                Tensor g = p.grad();
                if (g != null) {
                    Tensor sq = g.square().sum();
                    total = total == null ? sq : total.add(sq);
                }
            }
            return total == null ? 0 : Math.sqrt(total.item());
        }
    }

    /** The factor {@code clip_grad_norm_} applies: {@code min(1, maxNorm / (norm + 1e-6))}. */
    public static double scale(double norm, double maxNorm) {
        return Math.min(1.0, maxNorm / (norm + 1e-6));
    }
}

package dev.kiln.supervised;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.core.nn.Model;
import dev.kiln.core.nn.Parameter;
import dev.kiln.core.tensor.Rng;
import dev.kiln.core.tensor.Tensor;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Finite-difference gradient checks in float32: central differences with step {@code eps},
 * compared with autograd within {@code tol * max(1, |numeric|)}. Outputs are reduced to a scalar
 * with fixed random weights so every output element's gradient path is exercised.
 */
public final class GradCheck {
    private GradCheck() {
    }

    /** Sums {@code y} weighted by fixed pseudo-random weights (a scalar that depends on every element). */
    public static Tensor project(Tensor y) {
        Tensor w = Tensor.uniform(y.backend(), new Rng(99), -1f, 1f, y.shape());
        return y.mul(w).sum();
    }

    /** Checks d f(x) / dx for the scalar {@code project(f(x))}. */
    public static void input(Function<Tensor, Tensor> f, Tensor x, double eps, double tol) {
        Tensor xv = x.detach().requiresGrad(true);
        project(f.apply(xv)).backward();
        float[] analytic = xv.grad().toArray();
        float[] base = x.toArray();
        for (int i = 0; i < base.length; i++) {
            float[] plus = base.clone();
            float[] minus = base.clone();
            plus[i] += (float) eps;
            minus[i] -= (float) eps;
            double fp = project(f.apply(Tensor.fromArray(plus, x.shape()))).item();
            double fm = project(f.apply(Tensor.fromArray(minus, x.shape()))).item();
            double numeric = (fp - fm) / (2 * eps);
            assertThat((double) analytic[i]).as("d/dx[%d]", i)
                    .isCloseTo(numeric, within(tol * Math.max(1, Math.abs(numeric))));
        }
    }

    /** Checks the gradient of the scalar {@code loss} with respect to every parameter of {@code model}. */
    public static void parameters(Model model, Supplier<Tensor> loss, double eps, double tol) {
        model.zeroGrad();
        loss.get().backward();
        for (var entry : model.namedParameters().entrySet()) {
            Parameter p = entry.getValue();
            float[] analytic = p.grad().toArray();
            Tensor original = p.value();
            float[] base = original.toArray();
            for (int i = 0; i < base.length; i++) {
                float[] plus = base.clone();
                float[] minus = base.clone();
                plus[i] += (float) eps;
                minus[i] -= (float) eps;
                p.set(Tensor.fromArray(plus, original.shape()));
                double fp = loss.get().item();
                p.set(Tensor.fromArray(minus, original.shape()));
                double fm = loss.get().item();
                p.set(original);
                double numeric = (fp - fm) / (2 * eps);
                assertThat((double) analytic[i]).as("d/d%s[%d]", entry.getKey(), i)
                        .isCloseTo(numeric, within(tol * Math.max(1, Math.abs(numeric))));
            }
        }
        model.zeroGrad();
    }
}

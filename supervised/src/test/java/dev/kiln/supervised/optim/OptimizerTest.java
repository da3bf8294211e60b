package dev.kiln.supervised.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.core.nn.Optimizer;
import dev.kiln.core.nn.Parameter;
import dev.kiln.core.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Optimizers against hand-computed values and against an independent double-precision
 * transcription of PyTorch's update rules, on the quadratic loss 0.5 * sum((w - target)^2),
 * whose gradient is w - target.
 */
class OptimizerTest {
    private static final double[] W0 = {1.0, -2.0, 0.5};
    private static final double[] TARGET = {0.3, 0.7, -1.5};

    private static Parameter param() {
        return new Parameter("w", Tensor.fromArray(toFloat(W0), 3));
    }

    /** Runs {@code steps} steps on the quadratic loss. */
    private static void run(Optimizer opt, Parameter w, int steps) {
        Tensor target = Tensor.fromArray(toFloat(TARGET), 3);
        for (int s = 0; s < steps; s++) {
            opt.zeroGrad();
            w.value().sub(target).square().sum().mul(0.5f).backward();
            opt.step();
        }
    }

    /** A reference loop in doubles: {@code rule} maps (w, g, t) to the new w, keeping its own state. */
    private static double[] simulate(int steps, Function<double[][], double[]> rule) {
        double[] w = W0.clone();
        for (int t = 1; t <= steps; t++) {
            double[] g = new double[w.length];
            for (int i = 0; i < w.length; i++) {
                g[i] = w[i] - TARGET[i];
            }
            w = rule.apply(new double[][] {w, g, {t}});
        }
        return w;
    }

    private static void assertClose(Parameter p, double[] expected, double tol) {
        float[] v = p.value().toArray();
        for (int i = 0; i < expected.length; i++) {
            assertThat((double) v[i]).as("w[%d]", i).isCloseTo(expected[i], within(tol));
        }
    }

    @Test
    void plainSgdByHand() {
        Parameter w = param();
        run(new SGD(List.of(w), 0.1), w, 1);
        // g = w0 - target = [0.7, -2.7, 2.0]; w = w0 - 0.1 g
        assertClose(w, new double[] {0.93, -1.73, 0.3}, 1e-6);
    }

    @Test
    void sgdMomentumOnConstantGradientByHand() {
        Parameter w = new Parameter("w", Tensor.of(0f));
        SGD sgd = new SGD(List.of(w), 0.1).momentum(0.9);
        SGD nesterov = new SGD(List.of(new Parameter("v", Tensor.of(0f))), 0.1).momentum(0.9).nesterov(true);
        Parameter v = nesterov.parameters().get(0);
        for (int s = 0; s < 3; s++) {
            sgd.zeroGrad();
            nesterov.zeroGrad();
            w.value().mul(2f).sum().backward(); // gradient 2
            v.value().mul(2f).sum().backward();
            sgd.step();
            nesterov.step();
        }
        // buffers 1, 1.9, 2.71 (x2); Nesterov uses g + 0.9 buf: 1.9, 2.71, 3.439 (x2)
        assertThat(w.value().item()).isCloseTo(-0.1f * 2 * 5.61f, within(1e-5f));
        assertThat(v.value().item()).isCloseTo(-0.1f * 2 * 8.049f, within(1e-5f));
    }

    @Test
    void sgdMatchesPyTorchRuleWithWeightDecayDampeningAndNesterov() {
        double lr = 0.05;
        double mu = 0.8;
        double wd = 0.01;
        for (boolean nest : new boolean[] {false, true}) {
            double damp = nest ? 0 : 0.3;
            Parameter w = param();
            run(new SGD(List.of(w), lr).momentum(mu).dampening(damp).weightDecay(wd).nesterov(nest), w, 4);
            double[][] buf = {null};
            double[] expected = simulate(4, a -> {
                double[] x = a[0];
                double[] g = a[1];
                double[] out = new double[x.length];
                if (buf[0] == null) {
                    buf[0] = new double[x.length];
                }
                for (int i = 0; i < x.length; i++) {
                    double gi = g[i] + wd * x[i];
                    buf[0][i] = a[2][0] == 1 ? gi : mu * buf[0][i] + (1 - damp) * gi;
                    double d = nest ? gi + mu * buf[0][i] : buf[0][i];
                    out[i] = x[i] - lr * d;
                }
                return out;
            });
            assertClose(w, expected, 1e-5);
        }
    }

    @Test
    void adamFirstStepMovesEachWeightByLrTimesSign() {
        Parameter w = param();
        run(new Adam(List.of(w), 0.01), w, 1);
        // m_hat = g, v_hat = g^2 after bias correction: the step is lr * g / (|g| + eps)
        assertClose(w, new double[] {0.99, -1.99, 0.49}, 1e-6);
    }

    @Test
    void adamAndAdamWMatchPyTorchRule() {
        double lr = 0.1;
        double b1 = 0.8;
        double b2 = 0.95;
        double eps = 1e-6;
        for (boolean decoupled : new boolean[] {false, true}) {
            double wd = decoupled ? 0.1 : 0.05;
            Parameter w = param();
            Adam opt = decoupled ? new AdamW(List.of(w), lr) : new Adam(List.of(w), lr);
            opt.betas(b1, b2).eps(eps).weightDecay(wd);
            run(opt, w, 3);
            double[] m = new double[3];
            double[] v = new double[3];
            double[] expected = simulate(3, a -> {
                double[] x = a[0].clone();
                double[] g = a[1].clone();
                double t = a[2][0];
                for (int i = 0; i < 3; i++) {
                    if (decoupled) {
                        x[i] *= 1 - lr * wd;
                    } else {
                        g[i] += wd * x[i];
                    }
                    m[i] = b1 * m[i] + (1 - b1) * g[i];
                    v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
                    double denom = Math.sqrt(v[i]) / Math.sqrt(1 - Math.pow(b2, t)) + eps;
                    x[i] -= lr / (1 - Math.pow(b1, t)) * m[i] / denom;
                }
                return x;
            });
            assertClose(w, expected, 2e-6);
        }
    }

    @Test
    void rmsPropMatchesPyTorchRule() {
        double lr = 0.01;
        double alpha = 0.9;
        double eps = 1e-8;
        for (int variant = 0; variant < 3; variant++) {
            boolean centered = variant == 2;
            double mu = variant >= 1 ? 0.5 : 0;
            double wd = variant == 1 ? 0.1 : 0;
            Parameter w = param();
            run(new RMSProp(List.of(w), lr).alpha(alpha).eps(eps).momentum(mu).centered(centered).weightDecay(wd), w, 3);
            double[] sq = new double[3];
            double[] ga = new double[3];
            double[] buf = new double[3];
            double[] expected = simulate(3, a -> {
                double[] x = a[0].clone();
                for (int i = 0; i < 3; i++) {
                    double g = a[1][i] + wd * x[i];
                    sq[i] = alpha * sq[i] + (1 - alpha) * g * g;
                    double avg;
                    if (centered) {
                        ga[i] = alpha * ga[i] + (1 - alpha) * g;
                        avg = Math.sqrt(sq[i] - ga[i] * ga[i]) + eps;
                    } else {
                        avg = Math.sqrt(sq[i]) + eps;
                    }
                    if (mu > 0) {
                        buf[i] = mu * buf[i] + g / avg;
                        x[i] -= lr * buf[i];
                    } else {
                        x[i] -= lr * g / avg;
                    }
                }
                return x;
            });
            assertClose(w, expected, 2e-5);
        }
    }

    @Test
    void stateRoundTripsExactly() {
        for (int kind = 0; kind < 4; kind++) {
            Parameter a = param();
            Parameter b = param();
            AbstractOptimizer first = make(kind, a);
            run(first, a, 3);
            Map<String, Tensor> state = first.state();
            assertThat(state.get("step").item()).isEqualTo(3f);
            b.set(a.value());
            AbstractOptimizer second = make(kind, b);
            second.loadState(new LinkedHashMap<>(state));
            assertThat(second.state().keySet()).isEqualTo(state.keySet());
            run(first, a, 2);
            run(second, b, 2);
            assertThat(b.value().toArray()).as("optimizer %d", kind).containsExactly(a.value().toArray());
        }
    }

    private static AbstractOptimizer make(int kind, Parameter p) {
        Map<String, Parameter> named = Map.of("layer.weight", p);
        return switch (kind) {
            case 0 -> new SGD(named, 0.1).momentum(0.9).nesterov(true);
            case 1 -> new Adam(named, 0.05);
            case 2 -> new AdamW(named, 0.05);
            default -> new RMSProp(named, 0.01).momentum(0.3).centered(true);
        };
    }

    @Test
    void stateIsNamedBySlotAndParameter() {
        Parameter p = param();
        Adam adam = new Adam(Map.of("0.weight", p), 0.1);
        assertThat(adam.state().keySet()).containsExactly("step");
        run(adam, p, 1);
        assertThat(adam.state().keySet()).containsExactly("step", "exp_avg.0.weight", "exp_avg_sq.0.weight");
        // what a training step must keep: the moments themselves, no step-count scalar
        assertThat(adam.stateTensors()).containsExactly(adam.state().get("exp_avg.0.weight"),
                adam.state().get("exp_avg_sq.0.weight"));
    }

    @Test
    void loadStateRejectsUnknownKeysAndWrongShapes() {
        Parameter p = param();
        Adam adam = new Adam(Map.of("0.weight", p), 0.1);
        assertThatThrownBy(() -> adam.loadState(Map.of("step", Tensor.scalar(1), "exp_avg.1.weight", Tensor.zeros(3))))
                .hasMessageContaining("exp_avg.1.weight");
        assertThatThrownBy(() -> adam.loadState(Map.of("step", Tensor.scalar(1), "exp_avg.0.weight", Tensor.zeros(4))))
                .hasMessageContaining("[4]").hasMessageContaining("[3]");
        assertThatThrownBy(() -> adam.loadState(Map.of())).hasMessageContaining("step");
    }

    @Test
    void clippingRescalesToTheGlobalNorm() {
        Parameter a = new Parameter("a", Tensor.of(0f, 0f));
        Parameter b = new Parameter("b", Tensor.of(0f));
        SGD sgd = new SGD(List.of(a, b), 1.0);
        sgd.clipGradNorm(1.0);
        a.value().mul(Tensor.of(2f, 4f)).sum().add(b.value().mul(4f).sum()).backward(); // grads (2, 4), (4): norm 6
        assertThat(GradientClipping.globalNorm(sgd.parameters())).isCloseTo(6.0, within(1e-6));
        sgd.step();
        assertThat(sgd.lastGradNorm()).isCloseTo(6.0, within(1e-6));
        assertThat(a.value().toArray()[0]).isCloseTo(-2f / 6, within(1e-6f));
        assertThat(a.value().toArray()[1]).isCloseTo(-4f / 6, within(1e-6f));
        assertThat(b.value().item()).isCloseTo(-4f / 6, within(1e-6f));

        Parameter c = new Parameter("c", Tensor.of(0f));
        SGD small = new SGD(List.of(c), 1.0);
        small.clipGradNorm(10.0);
        c.value().mul(3f).sum().backward();
        small.step();
        assertThat(c.value().item()).isEqualTo(-3f); // below the limit: untouched
    }

    @Test
    void weightDecayCanSkipVectors() {
        Parameter matrix = new Parameter("m", Tensor.fromArray(new float[] {1, 2, 3, 4}, 2, 2));
        Parameter bias = new Parameter("b", Tensor.of(1f, 2f));
        Map<String, Parameter> named = new LinkedHashMap<>();
        named.put("0.weight", matrix);
        named.put("0.bias", bias);
        SGD sgd = new SGD(named, 0.5).weightDecay(0.1);
        sgd.excludeFromWeightDecay(AbstractOptimizer::isVector);
        matrix.value().sum().add(bias.value().sum()).backward(); // gradient 1 everywhere
        sgd.step();
        // matrix: w - 0.5 (1 + 0.1 w); bias: b - 0.5
        assertThat(matrix.value().toArray()).containsExactly(new float[] {0.45f, 1.4f, 2.35f, 3.3f}, within(1e-6f));
        assertThat(bias.value().toArray()).containsExactly(0.5f, 1.5f);

        Parameter b2 = new Parameter("b", Tensor.of(1f));
        AdamW adamW = new AdamW(Map.of("0.bias", b2), 0.1);
        adamW.excludeFromWeightDecay((name, p) -> name.endsWith("bias"));
        b2.value().sum().backward();
        adamW.step();
        assertThat(b2.value().item()).isCloseTo(0.9f, within(1e-6f)); // the Adam step alone, no decay
    }

    @Test
    void badHyperParametersAreRejectedByName() {
        Parameter p = param();
        assertThatThrownBy(() -> new SGD(List.of(p), -1)).hasMessageContaining("learning rate");
        assertThatThrownBy(() -> new SGD(List.of(p), 0.1).momentum(1.5)).hasMessageContaining("momentum");
        assertThatThrownBy(() -> new Adam(List.of(p), 0.1).betas(1.0, 0.9)).hasMessageContaining("beta1");
        assertThatThrownBy(() -> new SGD(List.<Parameter>of(), 0.1)).hasMessageContaining("no parameters");
    }

    private static float[] toFloat(double[] d) {
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            f[i] = (float) d[i];
        }
        return f;
    }
}

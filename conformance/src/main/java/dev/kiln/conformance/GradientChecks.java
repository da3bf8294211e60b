package dev.kiln.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.kiln.core.backend.Backend;
import dev.kiln.core.backend.UnaryOp;
import dev.kiln.core.tensor.Autograd;
import dev.kiln.core.tensor.Tensor;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Gradient checks: for every differentiable op, the autograd gradient of {@code sum(op(x) * w)}
 * (random {@code w}) must match central finite differences computed on the same backend. The
 * loss is summed in double on the host so that only the op itself runs in float32.
 */
public abstract class GradientChecks extends StructureChecks {
    private static final float EPS = 1e-2f;

    /** One input of a gradient check: values and shape. */
    protected record In(float[] values, int[] shape) {
    }

    protected static In in(float[] values, int... shape) {
        return new In(values, shape);
    }

    protected void gradCheck(String op, Function<Tensor[], Tensor> f, In... inputs) {
        Backend b = backend();
        Tensor[] xs = new Tensor[inputs.length];
        for (int i = 0; i < xs.length; i++) {
            In input = inputs[i];
            xs[i] = run(op, be -> on(be, input.values(), input.shape())).requiresGrad(true);
        }
        Tensor out = run(op, be -> f.apply(xs));
        float[] w = values(99, out.numel());
        out.mul(on(b, w, out.shape())).sum().backward();
        for (int i = 0; i < inputs.length; i++) {
            Tensor g = xs[i].grad();
            assertThat(g).as("%s: gradient of input %d", op, i).isNotNull();
            assertThat(g.shape()).as("%s: gradient shape of input %d", op, i).containsExactly(inputs[i].shape());
            float[] analytic = g.toArray();
            float[] x = inputs[i].values().clone();
            for (int j = 0; j < x.length; j++) {
                float orig = x[j];
                x[j] = orig + EPS;
                double plus = weightedSum(f, inputs, i, x, w);
                x[j] = orig - EPS;
                double minus = weightedSum(f, inputs, i, x, w);
                x[j] = orig;
                double numeric = (plus - minus) / (2 * EPS);
                if (Math.abs(analytic[j] - numeric) > 1e-2 + 2e-2 * Math.abs(numeric)) {
                    fail("%s: d/d input %d element %d: autograd %s, finite difference %s", op, i, j, analytic[j], numeric);
                }
            }
        }
    }

    private double weightedSum(Function<Tensor[], Tensor> f, In[] inputs, int which, float[] x, float[] w) {
        try (var ignored = Autograd.noGrad()) {
            Tensor[] xs = new Tensor[inputs.length];
            for (int k = 0; k < xs.length; k++) {
                xs[k] = on(backend(), k == which ? x : inputs[k].values(), inputs[k].shape());
            }
            float[] out = f.apply(xs).toArray();
            double s = 0;
            for (int i = 0; i < out.length; i++) {
                s += (double) out[i] * w[i];
            }
            return s;
        }
    }

    @ParameterizedTest
    @EnumSource(value = UnaryOp.class, names = "SIGN", mode = EnumSource.Mode.EXCLUDE)
    void unaryGradients(UnaryOp op) {
        float[] x = switch (op) {
            case LOG, SQRT, RECIP -> uniform(61, 12, 0.5f, 2f);
            case RELU, ABS -> awayFromZero(distinct(61, 12));
            default -> uniform(61, 12, -1.5f, 1.5f);
        };
        gradCheck(op.name(), t -> apply(op, t[0]), in(x, 3, 4));
    }

    private static Tensor apply(UnaryOp op, Tensor t) {
        return switch (op) {
            case NEG -> t.neg();
            case ABS -> t.abs();
            case EXP -> t.exp();
            case LOG -> t.log();
            case SQRT -> t.sqrt();
            case RECIP -> t.reciprocal();
            case TANH -> t.tanh();
            case SIGMOID -> t.sigmoid();
            case RELU -> t.relu();
            case SIGN -> t.sign();
            case SIN -> t.sin();
            case COS -> t.cos();
        };
    }

    private static float[] awayFromZero(float[] v) {
        for (int i = 0; i < v.length; i++) {
            if (Math.abs(v[i]) < 0.1f) {
                v[i] += v[i] < 0 ? -0.2f : 0.2f;
            }
        }
        return v;
    }

    @Test
    void binaryGradientsReduceBroadcastDimensions() {
        float[] a = uniform(62, 12, 0.5f, 2f);
        float[] c = uniform(63, 4, 0.5f, 2f);
        float[] col = uniform(64, 3, 0.5f, 2f);
        gradCheck("add broadcast", t -> t[0].add(t[1]), in(a, 3, 4), in(c, 4));
        gradCheck("sub broadcast", t -> t[0].sub(t[1]), in(a, 3, 4), in(col, 3, 1));
        gradCheck("mul broadcast", t -> t[0].mul(t[1]), in(a, 3, 4), in(c, 1, 4));
        gradCheck("div broadcast", t -> t[0].div(t[1]), in(a, 3, 4), in(col, 3, 1));
        gradCheck("pow", t -> t[0].pow(t[1]), in(a, 3, 4), in(c, 4));
        gradCheck("scalar operand", t -> t[0].mul(t[1]), in(a, 3, 4), in(new float[] {1.7f}));
        float[] d = distinct(65, 12);
        float[] e = distinct(66, 12);
        gradCheck("maximum", t -> t[0].maximum(t[1]), in(d, 3, 4), in(e, 3, 4));
        gradCheck("minimum", t -> t[0].minimum(t[1]), in(d, 3, 4), in(e, 3, 4));
        gradCheck("where", t -> Tensor.where(t[0].gt(0f), t[0], t[1]), in(d, 3, 4), in(c, 4));
    }

    @Test
    void reductionGradients() {
        float[] x = distinct(67, 24);
        gradCheck("sum all", t -> t[0].sum(), in(x, 2, 3, 4));
        gradCheck("sum axis", t -> t[0].sum(1, false), in(x, 2, 3, 4));
        gradCheck("sum axes keep", t -> t[0].sum(new int[] {0, 2}, true), in(x, 2, 3, 4));
        gradCheck("mean axis", t -> t[0].mean(2, false), in(x, 2, 3, 4));
        gradCheck("max axis", t -> t[0].max(1, false), in(x, 2, 3, 4));
        gradCheck("min axis", t -> t[0].min(0, true), in(x, 2, 3, 4));
    }

    @Test
    void matmulGradients() {
        gradCheck("matmul", t -> t[0].matmul(t[1]), in(values(68, 12), 3, 4), in(values(69, 8), 4, 2));
        gradCheck("batched matmul broadcast", t -> t[0].matmul(t[1]), in(values(70, 24), 2, 3, 4),
                in(values(71, 8), 4, 2));
        gradCheck("matmul transposed", t -> t[0].t().matmul(t[1]), in(values(72, 12), 4, 3), in(values(73, 8), 4, 2));
    }

    @Test
    void viewGradients() {
        float[] x = values(74, 24);
        gradCheck("reshape", t -> t[0].reshape(4, 6).mul(t[0].reshape(4, 6)), in(x, 2, 3, 4));
        gradCheck("permute", t -> t[0].permute(2, 0, 1).contiguous().exp(), in(x, 2, 3, 4));
        gradCheck("transpose", t -> t[0].t().matmul(t[0]), in(x, 6, 4));
        gradCheck("slice", t -> t[0].slice(1, 1, 3).square(), in(x, 2, 3, 4));
        gradCheck("expand", t -> t[0].expand(2, 3, 4).square(), in(values(75, 8), 2, 1, 4));
        gradCheck("unsqueeze/squeeze", t -> t[0].unsqueeze(1).squeeze(1).square(), in(x, 4, 6));
        gradCheck("concat", t -> Tensor.concat(List.of(t[0], t[1].square()), 1), in(x, 4, 6), in(values(76, 8), 4, 2));
        gradCheck("indexSelect repeated", t -> t[0].indexSelect(0, 2, 0, 2, 3).square(), in(x, 4, 6));
    }

    @Test
    void fusedGradients() {
        float[] x = values(77, 15);
        gradCheck("softmax", t -> t[0].softmax(1), in(x, 3, 5));
        gradCheck("softmax axis 0", t -> t[0].softmax(0), in(x, 3, 5));
        gradCheck("logSoftmax", t -> t[0].logSoftmax(1), in(x, 3, 5));
        float[] labels = {4, 0, 2};
        gradCheck("softmaxCrossEntropy", t -> t[0].softmaxCrossEntropy(on(t[0].backend(), labels, 3)), in(x, 3, 5));
        // batch norm: input, gamma and beta, on a [N, C, H, W] batch and a [N, C] one
        gradCheck("batchNorm 2d", t -> t[0].batchNorm(t[1], t[2], 1e-5f).output(), in(values(78, 3 * 2 * 2 * 3), 3, 2, 2, 3),
                in(new float[] {1.5f, -0.5f}, 2), in(new float[] {0.25f, 1f}, 2));
        gradCheck("batchNorm 1d", t -> t[0].batchNorm(t[1], t[2], 1e-3f).output(), in(values(79, 6 * 3), 6, 3),
                in(new float[] {1f, 2f, -1f}, 3), in(new float[] {0f, 0.5f, -0.5f}, 3));
        float[] distinct = new float[2 * 3 * 4 * 6]; // no ties: a finite difference cannot flip a winner
        for (int i = 0; i < distinct.length; i++) {
            distinct[i] = (i * 37 % distinct.length) * 0.1f - 7f;
        }
        gradCheck("maxPool2d", t -> t[0].maxPool2d(2), in(distinct, 2, 3, 4, 6));
    }
}

package dev.kiln.supervised.nn;

import dev.kiln.core.nn.Parameter;
import dev.kiln.core.tensor.Rng;
import dev.kiln.core.tensor.Tensor;
import java.util.Arrays;
import java.util.Map;

/**
 * A fully connected layer {@code y = x W^T + b} (PyTorch's {@code nn.Linear}). The weight has
 * shape {@code [out, in]} as in PyTorch, so weights load across frameworks without transposing;
 * in memory it is laid out {@code [in, out]} (a transposed view, see {@link Parameter#load}).
 * Inputs are {@code [N, in]} or {@code [N, ..., in]} (applied to the last dimension).
 */
public final class Dense extends AbstractLayer {
    private final int in;
    private final int out;
    private final Parameter weight;
    private final Parameter bias;

    /** PyTorch's default initialisation ({@link Init#DEFAULT}), with a bias. */
    public Dense(int in, int out, Rng rng) {
        this(in, out, true, Init.DEFAULT, rng);
    }

    public Dense(int in, int out, Init init, Rng rng) {
        this(in, out, true, init, rng);
    }

    public Dense(int in, int out, boolean withBias, Init init, Rng rng) {
        if (in <= 0 || out <= 0) {
            throw new IllegalArgumentException("Dense: in and out features must be positive, got " + in + " and " + out);
        }
        this.in = in;
        this.out = out;
        // the weight is [out, in] as in PyTorch (checkpoints too) but stored [in, out]: the forward
        // product x w^T then reads w^T row by row and the weight gradient x^T dy is written in order,
        // with no transposing copy in either (ADR 0004)
        this.weight = addParameter("weight", init.weight(rng, in, out, out, in).t().contiguous().t());
        this.bias = withBias ? addParameter("bias", init.bias(rng, in, out)) : null;
    }

    public int inFeatures() {
        return in;
    }

    public int outFeatures() {
        return out;
    }

    public Parameter weight() {
        return weight;
    }

    /** The bias, or null for a layer built without one. */
    public Parameter bias() {
        return bias;
    }

    @Override
    public int[] outputShape(int[] inputShape) {
        if (inputShape.length == 0 || inputShape[inputShape.length - 1] != in) {
            throw new ShapeMismatchException(describe(), ShapeMismatchException.batched(new int[] {in}), inputShape);
        }
        int[] o = inputShape.clone();
        o[o.length - 1] = out;
        return o;
    }

    @Override
    protected Tensor apply(Tensor x) {
        Tensor y = x.matmul(weight.value().t());
        return bias == null ? y : y.add(bias.value());
    }

    @Override
    public Map<String, Object> config() {
        return LayerConfig.of("Dense", "in", in, "out", out, "bias", bias != null);
    }

    @Override
    public String describe() {
        return "Dense(" + in + " -> " + out + (bias == null ? ", no bias" : "") + ")";
    }

    @Override
    public String toString() {
        return describe() + " " + Arrays.toString(weight.shape());
    }
}

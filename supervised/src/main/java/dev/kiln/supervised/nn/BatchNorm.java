package dev.kiln.supervised.nn;

import dev.kiln.core.nn.Parameter;
import dev.kiln.core.tensor.Autograd;
import dev.kiln.core.tensor.BatchNormResult;
import dev.kiln.core.tensor.Tensor;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Batch normalisation over every axis but the channel axis (1), as PyTorch's BatchNorm1d/2d.
 * Training: normalise with the batch mean and biased variance, and update the running statistics
 * {@code running = (1 - momentum) * running + momentum * batch} (unbiased variance, as PyTorch).
 * Evaluation: normalise with the running statistics. Learnable scale {@code "weight"} (ones) and
 * shift {@code "bias"} (zeros); running statistics are the buffers {@code "running_mean"} (zeros)
 * and {@code "running_var"} (ones), PyTorch's names.
 */
abstract class BatchNorm extends AbstractLayer {
    private final int features;
    private final double eps;
    private final double momentum;
    private final Parameter gamma;
    private final Parameter beta;
    private Tensor runningMean;
    private Tensor runningVar;

    BatchNorm(int features, double eps, double momentum) {
        if (features <= 0 || !(eps > 0) || !(momentum >= 0 && momentum <= 1)) {
            throw new IllegalArgumentException(kind() + ": features must be positive, eps > 0 and momentum in [0, 1], got "
                    + features + ", " + eps + ", " + momentum);
        }
        this.features = features;
        this.eps = eps;
        this.momentum = momentum;
        this.gamma = addParameter("weight", Tensor.ones(features));
        this.beta = addParameter("bias", Tensor.zeros(features));
        this.runningMean = Tensor.zeros(features);
        this.runningVar = Tensor.ones(features);
    }

    abstract String kind();

    public int features() {
        return features;
    }

    /** Shape that broadcasts a per-channel vector against an input of {@code rank}: [1, C, 1, ...]. */
    private int[] channelShape(int rank) {
        int[] s = new int[rank];
        Arrays.fill(s, 1);
        s[1] = features;
        return s;
    }

    @Override
    protected Tensor apply(Tensor x) {
        int[] cs = channelShape(x.rank());
        if (isTraining()) {
            long count = x.numel() / features;
            if (count < 2) {
                throw new IllegalArgumentException(kind() + ": training needs more than one value per channel, got input "
                        + Arrays.toString(x.shape()) + " (use a batch of at least 2, or eval mode)");
            }
            // one fused op (the backend's batchNorm and its gradient) instead of a dozen full-size ones
            BatchNormResult r = x.batchNorm(gamma.value(), beta.value(), (float) eps);
            try (var ignored = Autograd.noGrad()) {
                float m = (float) momentum;
                Tensor unbiased = r.variance().mul((float) count / (count - 1));
                runningMean = runningMean.mul(1 - m).add(r.mean().mul(m));
                runningVar = runningVar.mul(1 - m).add(unbiased.mul(m));
            }
            return r.output();
        }
        Tensor normalised = x.sub(runningMean.reshape(cs)).div(runningVar.reshape(cs).add((float) eps).sqrt());
        return normalised.mul(gamma.value().reshape(cs)).add(beta.value().reshape(cs));
    }

    @Override
    public Map<String, Tensor> buffers() {
        Map<String, Tensor> m = new LinkedHashMap<>();
        m.put("running_mean", runningMean);
        m.put("running_var", runningVar);
        return m;
    }

    @Override
    public void loadBuffers(Map<String, Tensor> buffers) {
        if (!buffers.keySet().equals(buffers().keySet())) {
            throw new IllegalArgumentException(describe() + ".loadBuffers: expected keys " + buffers().keySet()
                    + ", got " + buffers.keySet());
        }
        for (Map.Entry<String, Tensor> e : buffers.entrySet()) {
            if (!Arrays.equals(e.getValue().shape(), new int[] {features})) {
                throw new IllegalArgumentException(describe() + ".loadBuffers: '" + e.getKey() + "' has shape "
                        + Arrays.toString(e.getValue().shape()) + ", expected [" + features + "]");
            }
        }
        runningMean = buffers.get("running_mean").detach().to(gamma.value().backend());
        runningVar = buffers.get("running_var").detach().to(gamma.value().backend());
    }

    @Override
    public Map<String, Object> config() {
        return LayerConfig.of(kind(), "features", features, "eps", eps, "momentum", momentum);
    }

    @Override
    public String describe() {
        return kind() + "(" + features + ")";
    }
}

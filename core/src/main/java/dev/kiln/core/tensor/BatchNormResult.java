package dev.kiln.core.tensor;

/**
 * What {@link Tensor#batchNorm} returns: the normalised {@code output} (differentiable with respect
 * to the input, gamma and beta) and the batch's per-channel {@code mean} and biased {@code variance}
 * ({@code [C]}, not differentiable), from which a layer updates its running statistics.
 */
public record BatchNormResult(Tensor output, Tensor mean, Tensor variance) {
}

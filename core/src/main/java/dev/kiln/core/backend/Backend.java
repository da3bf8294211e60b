package dev.kiln.core.backend;

import dev.kiln.core.tensor.Rng;
import dev.kiln.core.tensor.Shape;
import dev.kiln.core.tensor.Tensor;
import java.util.List;

/**
 * The backend SPI: the small set of primitive ops every backend implements, plus a few fused ops
 * with default implementations composed from primitives (override them for speed).
 *
 * <p>Contract for every op:
 * <ul>
 *   <li>Inputs may be views: any strides (including 0 for broadcast/expanded dimensions) and any
 *       offset into their storage. Outputs are new, contiguous tensors of this backend, except
 *       that an element-wise op ({@link #unary}, {@link #binary}, {@link #axpby}) may lay its
 *       result out like an operand of the result's shape whose layout is a permutation of a
 *       contiguous one (PyTorch's rule; a weight stored transposed then keeps its layout).</li>
 *   <li>Inputs belong to this backend (the core checks that before calling).</li>
 *   <li>Shapes have been validated by the core; backends may assume they are consistent.</li>
 *   <li>No autograd: the core records gradients around these calls.</li>
 *   <li>Index tensors hold integral float values (exact up to 2^24).</li>
 * </ul>
 * Results must match the reference backend (see the conformance kit for tolerances).
 */
public interface Backend {
    String name();

    // ---- memory and host transfer ----

    /** A new contiguous tensor holding a copy of {@code data} in row-major order. */
    Tensor fromArray(float[] data, int[] shape);

    /** The elements of {@code x} in row-major logical order (views are resolved). */
    float[] toArray(Tensor x);

    /** A new contiguous tensor filled with {@code value}. */
    Tensor full(int[] shape, float value);

    /** A contiguous copy of a (possibly strided) view. */
    Tensor contiguous(Tensor x);

    /**
     * Opens a scope on the calling thread whose unkept tensors this backend may recycle at close
     * (see {@link MemoryScope}); scopes nest. The default recycles nothing.
     */
    default MemoryScope memoryScope() {
        return MemoryScope.NONE;
    }

    /**
     * Takes {@code t} (a tensor of this backend) out of every {@link MemoryScope} open on the calling
     * thread, so it is never recycled with them: for a cache a layer builds during one step and
     * reuses in later ones. Returns {@code t}. The default does nothing (nothing is recycled).
     */
    default Tensor persistent(Tensor t) {
        return t;
    }

    // ---- random fill (counter-based, see Rng: same values on every backend) ----

    default Tensor randomUniform(int[] shape, long seed, long offset, float low, float high) {
        float[] v = new float[Shape.numel(shape)];
        for (int i = 0; i < v.length; i++) {
            v[i] = low + (high - low) * Rng.uniform(seed, offset + i);
        }
        return fromArray(v, shape);
    }

    /** Element {@code i} uses stream positions {@code offset+2i} and {@code offset+2i+1}. */
    default Tensor randomNormal(int[] shape, long seed, long offset, float mean, float std) {
        float[] v = new float[Shape.numel(shape)];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (mean + std * Rng.gaussian(seed, offset + 2L * i));
        }
        return fromArray(v, shape);
    }

    // ---- element-wise ----

    Tensor unary(UnaryOp op, Tensor x);

    /** Broadcasting binary op; the output has the broadcast shape. */
    Tensor binary(BinaryOp op, Tensor a, Tensor b);

    /** {@code cond != 0 ? a : b}, all three broadcast together. */
    Tensor where(Tensor cond, Tensor a, Tensor b);

    // ---- reductions ----

    /** Reduces over the given (sorted, distinct, non-negative) axes. */
    Tensor reduce(ReduceOp op, Tensor x, int[] axes, boolean keepDims);

    /** Index of the first maximum along {@code axis} (NaN counts as maximum). */
    Tensor argmax(Tensor x, int axis, boolean keepDims);

    // ---- linear algebra ----

    /** {@code a[..., m, k] @ b[..., k, n]}; batch dimensions broadcast. Both have rank >= 2. */
    Tensor matmul(Tensor a, Tensor b);

    // ---- movement and indexing ----

    /** Joins tensors along {@code axis}; all other dimensions are equal. */
    Tensor concat(List<Tensor> xs, int axis);

    /** Selects entries {@code index[i]} (a 1-D index tensor) along {@code axis}. */
    Tensor indexSelect(Tensor x, int axis, Tensor index);

    /**
     * {@code base} plus {@code src} scattered along {@code axis}: out[.., index[i], ..] += src[.., i, ..].
     * Repeated indices accumulate. The backward of {@link #indexSelect}.
     */
    Tensor indexAdd(Tensor base, int axis, Tensor index, Tensor src);

    /** One-hot encoding: shape {@code index.shape + [classes]}. Out-of-range indices give all zeros. */
    Tensor oneHot(Tensor index, int classes);

    // ---- fused ops (defaults are composed from primitives) ----

    default Tensor softmax(Tensor x, int axis) {
        int[] ax = {axis};
        Tensor shifted = binary(BinaryOp.SUB, x, reduce(ReduceOp.MAX, x, ax, true));
        Tensor e = unary(UnaryOp.EXP, shifted);
        return binary(BinaryOp.DIV, e, reduce(ReduceOp.SUM, e, ax, true));
    }

    default Tensor logSoftmax(Tensor x, int axis) {
        int[] ax = {axis};
        Tensor shifted = binary(BinaryOp.SUB, x, reduce(ReduceOp.MAX, x, ax, true));
        Tensor lse = unary(UnaryOp.LOG, reduce(ReduceOp.SUM, unary(UnaryOp.EXP, shifted), ax, true));
        return binary(BinaryOp.SUB, shifted, lse);
    }

    /**
     * {@code a * x + b * y} for two tensors of one shape, each product rounded to float before the
     * sum (no fused multiply-add), so an override gives exactly the composed default's values. The
     * optimizers' update step: one pass and one new tensor instead of three.
     */
    default Tensor axpby(float a, Tensor x, float b, Tensor y) {
        int[] scalar = {};
        return binary(BinaryOp.ADD, binary(BinaryOp.MUL, x, full(scalar, a)), binary(BinaryOp.MUL, y, full(scalar, b)));
    }

    /**
     * The gradient of {@link #softmaxCrossEntropy} for the logits, given the gradient {@code g[N]} of
     * the per-sample losses: {@code (softmax(logits) - oneHot(labels)) * g[n]} row by row. An
     * override must give exactly the values of this composition.
     */
    default Tensor softmaxCrossEntropyGrad(Tensor logits, Tensor labels, Tensor g) {
        Tensor diff = binary(BinaryOp.SUB, softmax(logits, 1), oneHot(labels, logits.shape()[1]));
        return binary(BinaryOp.MUL, diff, g.unsqueeze(1));
    }

    /**
     * Per-sample cross-entropy of {@code logits[N, C]} against integer {@code labels[N]}:
     * {@code -log softmax(logits)[n, labels[n]]}, shape {@code [N]}.
     */
    default Tensor softmaxCrossEntropy(Tensor logits, Tensor labels) {
        Tensor logp = logSoftmax(logits, 1);
        // select with where, not multiply by the one-hot: 0 * -Inf (a -Inf logit in another class) is NaN
        Tensor picked = reduce(ReduceOp.SUM, where(oneHot(labels, logits.shape()[1]), logp, full(new int[] {1}, 0f)),
                new int[] {1}, false);
        return unary(UnaryOp.NEG, picked);
    }

    /**
     * Batch normalisation of {@code x} ({@code [N, C, ...]}, channels on axis 1) with the batch's own
     * statistics: returns {@code {mean, var, y}}, the per-channel mean and biased variance ({@code [C]})
     * and {@code y = (x - mean) / sqrt(var + eps) * gamma + beta} (gamma, beta {@code [C]}). An override
     * must agree with this composition within the conformance kit's tolerance.
     */
    default Tensor[] batchNorm(Tensor x, Tensor gamma, Tensor beta, float eps) {
        int[] axes = BatchNormShapes.axes(x.rank());
        int[] cs = BatchNormShapes.channel(x);
        Tensor mean = reduce(ReduceOp.MEAN, x, axes, true);
        Tensor centered = binary(BinaryOp.SUB, x, mean);
        Tensor var = reduce(ReduceOp.MEAN, binary(BinaryOp.MUL, centered, centered), axes, true);
        Tensor std = unary(UnaryOp.SQRT, binary(BinaryOp.ADD, var, full(new int[0], eps)));
        Tensor y = binary(BinaryOp.ADD, binary(BinaryOp.MUL, binary(BinaryOp.DIV, centered, std), gamma.reshape(cs)),
                beta.reshape(cs));
        int c = x.shape()[1];
        return new Tensor[] {mean.reshape(c), var.reshape(c), y};
    }

    /**
     * The gradients of {@link #batchNorm} for {@code x}, gamma and beta given {@code dy}, the batch's
     * {@code mean} and {@code var} ({@code [C]}): with {@code xhat = (x - mean) / sqrt(var + eps)} and M
     * values per channel, {@code dbeta = sum(dy)}, {@code dgamma = sum(dy * xhat)} and
     * {@code dx = gamma / sqrt(var + eps) * (dy - dbeta / M - xhat * dgamma / M)}. Returns
     * {@code {dx, dgamma, dbeta}}.
     */
    default Tensor[] batchNormGrad(Tensor x, Tensor gamma, Tensor mean, Tensor var, float eps, Tensor dy) {
        int[] axes = BatchNormShapes.axes(x.rank());
        int[] cs = BatchNormShapes.channel(x);
        float m = (float) (x.numel() / x.shape()[1]);
        Tensor std = unary(UnaryOp.SQRT, binary(BinaryOp.ADD, var.reshape(cs), full(new int[0], eps)));
        Tensor xhat = binary(BinaryOp.DIV, binary(BinaryOp.SUB, x, mean.reshape(cs)), std);
        Tensor dbeta = reduce(ReduceOp.SUM, dy, axes, true);
        Tensor dgamma = reduce(ReduceOp.SUM, binary(BinaryOp.MUL, dy, xhat), axes, true);
        Tensor inner = binary(BinaryOp.SUB, binary(BinaryOp.SUB, dy, binary(BinaryOp.DIV, dbeta, full(new int[0], m))),
                binary(BinaryOp.MUL, xhat, binary(BinaryOp.DIV, dgamma, full(new int[0], m))));
        Tensor dx = binary(BinaryOp.MUL, binary(BinaryOp.DIV, gamma.reshape(cs), std), inner);
        int c = x.shape()[1];
        return new Tensor[] {dx, dgamma.reshape(c), dbeta.reshape(c)};
    }

    /**
     * Max pooling of {@code x} ({@code [N, C, H, W]}, H and W multiples of {@code k}) over
     * non-overlapping {@code k x k} windows: returns {@code {out, index}}, {@code out} of shape
     * {@code [N, C, H/k, W/k]} and {@code index} (1-D, one entry per output) holding each window's
     * winner as a position in {@code x}'s row-major order: its first maximum, or its first NaN. The
     * gradient goes back through {@link #indexAdd} at those positions. An override must give exactly
     * these values and positions.
     */
    default Tensor[] maxPool2d(Tensor x, int k) {
        int[] s = x.shape();
        int planes = s[0] * s[1];
        int h = s[2];
        int w = s[3];
        float[] v = toArray(x);
        float[] index = new float[planes * (h / k) * (w / k)];
        int m = 0;
        for (int plane = 0; plane < planes; plane++) {
            for (int i = 0; i < h / k; i++) {
                for (int j = 0; j < w / k; j++) {
                    int best = plane * h * w + i * k * w + j * k;
                    float top = v[best];
                    for (int di = 0; di < k; di++) {
                        int row = plane * h * w + (i * k + di) * w + j * k;
                        for (int dj = 0; dj < k; dj++) {
                            // larger, or the first NaN; once the best is NaN it stays
                            if (!(v[row + dj] <= top) && top == top) {
                                best = row + dj;
                                top = v[row + dj];
                            }
                        }
                    }
                    index[m++] = best;
                }
            }
        }
        Tensor idx = fromArray(index, new int[] {index.length});
        Tensor out = indexSelect(contiguous(x).reshape(planes * h * w), 0, idx);
        return new Tensor[] {out.reshape(s[0], s[1], h / k, w / k), idx};
    }
}

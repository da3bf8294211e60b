package dev.kiln.supervised.nn;

import dev.kiln.core.tensor.Tensor;

/**
 * Softmax along one axis of the sample (default: the last). Put it at the end of a network only
 * for inference: the cross-entropy losses take logits and fuse the log-softmax themselves.
 */
public final class Softmax extends AbstractLayer {
    private final int axis;

    public Softmax() {
        this(-1);
    }

    /** {@code axis} counts over the full tensor, batch dimension included (-1 = last). */
    public Softmax(int axis) {
        this.axis = axis;
    }

    @Override
    public int[] outputShape(int[] inputShape) {
        int rank = inputShape.length + 1;
        int a = axis < 0 ? axis + rank : axis;
        if (a < 1 || a >= rank) {
            throw new ShapeMismatchException(describe(), "a sample of rank >= " + (axis < 0 ? -axis : axis)
                    + " (softmax must not run over the batch axis)", inputShape);
        }
        return inputShape.clone();
    }

    @Override
    protected Tensor apply(Tensor x) {
        return x.softmax(axis);
    }

    @Override
    public java.util.Map<String, Object> config() {
        return LayerConfig.of("Softmax", "axis", axis);
    }

    @Override
    public String describe() {
        return "Softmax(axis=" + axis + ")";
    }
}

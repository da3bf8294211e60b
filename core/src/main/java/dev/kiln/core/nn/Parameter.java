package dev.kiln.core.nn;

import dev.kiln.core.tensor.Shape;
import dev.kiln.core.tensor.Tensor;
import java.util.Arrays;

/**
 * A trainable tensor with a name. Tensors are immutable, so an optimizer step replaces the value
 * with a new leaf tensor of the same shape; the gradient lives on the current value.
 *
 * <p>A frozen parameter takes no gradient ({@code backward()} does not reach it, {@link #grad()}
 * is null) and optimizers leave it bit for bit unchanged and keep no state for it: the backbone
 * of a fine-tuned network, say. {@link #freeze()} and {@link #unfreeze()} may be called between steps.
 */
public final class Parameter {
    private final String name;
    private Tensor value;
    private boolean frozen;

    public Parameter(String name, Tensor initial) {
        this.name = name;
        this.value = initial.detach().requiresGrad(true);
    }

    public String name() {
        return name;
    }

    public Tensor value() {
        return value;
    }

    public Tensor grad() {
        return value.grad();
    }

    public int[] shape() {
        return value.shape();
    }

    public void zeroGrad() {
        value.zeroGrad();
    }

    /** Whether this parameter is excluded from training (see the class comment). */
    public boolean isFrozen() {
        return frozen;
    }

    /** Stops training this parameter: its gradient is dropped and no new one is computed. */
    public void freeze() {
        frozen = true;
        value = value.detach();
    }

    /** Trains this parameter again from its current value. */
    public void unfreeze() {
        frozen = false;
        value = value.detach().requiresGrad(true);
    }

    /** Replaces the value (optimizer step, checkpoint load); the shape must not change. */
    public void set(Tensor newValue) {
        if (!Arrays.equals(newValue.shape(), value.shape())) {
            throw new IllegalArgumentException("parameter '" + name + "': new value has shape "
                    + Shape.str(newValue.shape()) + ", expected " + Shape.str(value.shape()));
        }
        if (newValue.backend() != value.backend()) {
            throw new IllegalArgumentException("parameter '" + name + "': new value is on backend '"
                    + newValue.backend().name() + "', parameter is on '" + value.backend().name() + "'");
        }
        this.value = newValue.detach().requiresGrad(!frozen);
    }

    /**
     * Replaces the value with {@code values} (a checkpoint or file being loaded) laid out in memory
     * as the current value is: a dense layer stores its weight transposed so that its products need
     * no transposing copy, and a loaded weight keeps that advantage.
     */
    public void load(Tensor values) {
        int[] order = storageOrder(value);
        set(order == null || !Arrays.equals(values.shape(), value.shape()) || Arrays.equals(values.strides(), value.strides())
                ? values : values.permute(order).contiguous().permute(inverse(order)));
    }

    /** The axes of a permuted dense (non-contiguous) layout from outermost to innermost, or null. */
    private static int[] storageOrder(Tensor t) {
        int[] st = t.strides();
        return t.isContiguous() || !Shape.isDense(t.shape(), st) ? null : Shape.storageOrder(st);
    }

    private static int[] inverse(int[] order) {
        int[] inv = new int[order.length];
        for (int d = 0; d < order.length; d++) {
            inv[order[d]] = d;
        }
        return inv;
    }

    @Override
    public String toString() {
        return "Parameter(" + name + ", " + Shape.str(value.shape()) + (frozen ? ", frozen" : "") + ")";
    }
}

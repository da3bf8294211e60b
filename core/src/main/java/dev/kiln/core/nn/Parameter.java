package dev.kiln.core.nn;

import dev.kiln.core.tensor.Shape;
import dev.kiln.core.tensor.Tensor;
import java.util.Arrays;

/**
 * A trainable tensor with a name. Tensors are immutable, so an optimizer step replaces the value
 * with a new leaf tensor of the same shape; the gradient lives on the current value.
 */
public final class Parameter {
    private final String name;
    private Tensor value;

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
        this.value = newValue.detach().requiresGrad(true);
    }

    @Override
    public String toString() {
        return "Parameter(" + name + ", " + Shape.str(value.shape()) + ")";
    }
}

package dev.kiln.supervised.nn;

/** A parameter-free layer applied element by element: any input shape, same output shape. */
public abstract class ElementwiseLayer extends AbstractLayer {
    @Override
    public int[] outputShape(int[] inputShape) {
        return inputShape.clone();
    }
}

package dev.kiln.supervised.nn;

import dev.kiln.core.tensor.Rng;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a {@link Sequential} from an input shape, inferring each layer's input size from the
 * previous layer's output: {@code Sequential.builder(784).dense(128).relu().dense(10).build(rng)}.
 * {@link #build(Rng)} checks every shape and fails with a {@link ShapeMismatchException} naming
 * the layer's position, the layer, the expected and the actual shape.
 *
 * <p>Weights are drawn from {@code rng} in layer order, so the same seed gives the same network.
 */
public final class SequentialBuilder {
    /** Creates one layer for the per-sample input shape it will receive. */
    @FunctionalInterface
    public interface LayerFactory {
        Layer create(int[] inputShape, Rng rng);
    }

    private final int[] inputShape;
    private final List<LayerFactory> factories = new ArrayList<>();
    private final List<String> names = new ArrayList<>(); // null: named by position
    private Init init = Init.DEFAULT;

    SequentialBuilder(int[] inputShape) {
        if (inputShape.length == 0) {
            throw new IllegalArgumentException("Sequential.builder: give the per-sample input shape, e.g. 784 or 1, 28, 28");
        }
        for (int d : inputShape) {
            if (d <= 0) {
                throw new IllegalArgumentException("Sequential.builder: input dimensions must be positive, got "
                        + java.util.Arrays.toString(inputShape));
            }
        }
        this.inputShape = inputShape.clone();
    }

    /** The initialisation used by the weighted layers added after this call (default {@link Init#DEFAULT}). */
    public SequentialBuilder init(Init init) {
        this.init = init;
        return this;
    }

    /** Any layer, created when the input shape is known. */
    public SequentialBuilder add(LayerFactory factory) {
        return add(null, factory);
    }

    /** Any layer under {@code name} ({@code "fc1"}: its parameters are {@code "fc1.weight"}, ...). */
    public SequentialBuilder add(String name, LayerFactory factory) {
        factories.add(factory);
        names.add(name);
        return this;
    }

    /** A ready-made layer under {@code name}. */
    public SequentialBuilder add(String name, Layer layer) {
        return add(name, (shape, rng) -> layer);
    }

    /** A named dense layer: {@code dense("fc1", 128)}. */
    public SequentialBuilder dense(String name, int units) {
        Init i = init;
        return add(name, (shape, rng) -> new Dense(lastDim(shape, "Dense(? -> " + units + ")"), units, i, rng));
    }

    /** A named convolution with a square kernel. */
    public SequentialBuilder conv2d(String name, int outChannels, int kernel, int stride, int padding) {
        int before = factories.size();
        conv2d(outChannels, kernel, stride, padding);
        names.set(before, name);
        return this;
    }

    /** A named batch normalisation. */
    public SequentialBuilder batchNorm(String name) {
        int before = factories.size();
        batchNorm();
        names.set(before, name);
        return this;
    }

    /** A ready-made layer; its declared shapes are checked at build time. */
    public SequentialBuilder add(Layer layer) {
        return add((shape, rng) -> layer);
    }

    /** A dense layer to {@code units} outputs; the input must be flat ({@code [N, features]}: add {@link #flatten()} after convolutions). */
    public SequentialBuilder dense(int units) {
        Init i = init;
        return add((shape, rng) -> new Dense(lastDim(shape, "Dense(? -> " + units + ")"), units, i, rng));
    }

    public SequentialBuilder relu() {
        return add(new ReLU());
    }

    public SequentialBuilder leakyRelu(float slope) {
        return add(new LeakyReLU(slope));
    }

    public SequentialBuilder sigmoid() {
        return add(new Sigmoid());
    }

    public SequentialBuilder tanh() {
        return add(new Tanh());
    }

    public SequentialBuilder gelu() {
        return add(new GELU());
    }

    public SequentialBuilder softmax() {
        return add(new Softmax());
    }

    public SequentialBuilder flatten() {
        return add(new Flatten());
    }

    /** Dropout with its own random stream split from the build {@code rng}. */
    public SequentialBuilder dropout(double p) {
        return add((shape, rng) -> new Dropout(p, rng.split()));
    }

    /** A convolution with a square kernel, stride 1 and no padding. */
    public SequentialBuilder conv2d(int outChannels, int kernel) {
        return conv2d(outChannels, kernel, 1, 0);
    }

    /** A convolution; input channels come from the previous layer's output {@code [C, H, W]}. */
    public SequentialBuilder conv2d(int outChannels, int kernel, int stride, int padding) {
        Init i = init;
        return add((shape, rng) -> {
            String layer = "Conv2D(? -> " + outChannels + ", kernel " + kernel + "x" + kernel + ")";
            if (shape.length != 3) {
                throw new ShapeMismatchException(layer, "[N, C, H, W]", shape);
            }
            return new Conv2D(shape[0], outChannels, kernel, stride, padding, i, rng);
        });
    }

    /** Max pooling over non-overlapping {@code kernel x kernel} windows. */
    public SequentialBuilder maxPool2d(int kernel) {
        return add(new MaxPool2D(kernel));
    }

    public SequentialBuilder maxPool2d(int kernel, int stride, int padding) {
        return add(new MaxPool2D(kernel, stride, padding));
    }

    /** Average pooling over non-overlapping {@code kernel x kernel} windows. */
    public SequentialBuilder avgPool2d(int kernel) {
        return add(new AvgPool2D(kernel));
    }

    public SequentialBuilder avgPool2d(int kernel, int stride, int padding) {
        return add(new AvgPool2D(kernel, stride, padding));
    }

    /** Batch normalisation: {@link BatchNorm1d} after a flat layer, {@link BatchNorm2d} after a convolution. */
    public SequentialBuilder batchNorm() {
        return add((shape, rng) -> switch (shape.length) {
            case 1 -> new BatchNorm1d(shape[0]);
            case 3 -> new BatchNorm2d(shape[0]);
            default -> throw new ShapeMismatchException("BatchNorm", "[N, features] or [N, C, H, W]", shape);
        });
    }

    /**
     * Builds the network, drawing weights from {@code rng}; fails on the first layer whose input
     * shape does not fit.
     */
    public Sequential build(Rng rng) {
        if (factories.isEmpty()) {
            throw new IllegalStateException("Sequential.builder: no layers added");
        }
        List<Layer> layers = new ArrayList<>();
        int[] shape = inputShape.clone();
        for (int i = 0; i < factories.size(); i++) {
            try {
                Layer layer = factories.get(i).create(shape.clone(), rng);
                shape = layer.outputShape(shape);
                layers.add(layer);
            } catch (ShapeMismatchException e) {
                throw e.within(names.get(i) == null ? Integer.toString(i) : names.get(i));
            }
        }
        return new Sequential(inputShape, layers, names);
    }

    private static int lastDim(int[] shape, String layer) {
        if (shape.length != 1) {
            throw new ShapeMismatchException(layer, "[N, features] (add flatten() before it)", shape);
        }
        return shape[0];
    }
}

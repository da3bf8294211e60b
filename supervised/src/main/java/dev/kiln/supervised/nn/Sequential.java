package dev.kiln.supervised.nn;

import dev.kiln.core.nn.Parameter;
import dev.kiln.core.tensor.Shape;
import dev.kiln.core.tensor.Tensor;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Layers applied one after another. Parameters and buffers are named by position and local name,
 * as in PyTorch's {@code nn.Sequential}: {@code "0.weight"}, {@code "0.bias"}, {@code "2.running_mean"}.
 * {@link #train(boolean)} reaches every layer.
 *
 * <p>Shapes are checked at construction when an input shape is given (always, via
 * {@link #builder(int...)}), and on every call otherwise: a wrong shape fails with a
 * {@link ShapeMismatchException} naming the layer's position, the layer, the expected and the
 * actual shape.
 */
public final class Sequential implements Layer {
    private final List<Layer> layers;
    private final List<String> names;
    private final int[] inputShape;
    private boolean training = true;

    /** Layers whose shapes are checked when first called. */
    public Sequential(List<? extends Layer> layers) {
        this(null, layers);
    }

    /**
     * Layers checked now against a per-sample input shape ({@code [784]}, {@code [1, 28, 28]});
     * null defers the check to the first call.
     */
    public Sequential(int[] inputShape, List<? extends Layer> layers) {
        this(inputShape, layers, null);
    }

    /**
     * As {@link #Sequential(int[], List)} with a name per layer ({@code "fc1"}, or null for the
     * layer's position, as in PyTorch's {@code nn.Sequential}); names prefix the parameter and
     * buffer names ({@code "fc1.weight"}), must be unique and made of letters, digits and '_'.
     */
    public Sequential(int[] inputShape, List<? extends Layer> layers, List<String> names) {
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("Sequential: no layers given");
        }
        this.layers = List.copyOf(layers);
        this.names = names(layers.size(), names);
        this.inputShape = inputShape == null ? null : inputShape.clone();
        if (inputShape != null) {
            outputShape(inputShape);
        }
    }

    private static List<String> names(int n, List<String> given) {
        if (given != null && given.size() != n) {
            throw new IllegalArgumentException("Sequential: " + given.size() + " names for " + n + " layers");
        }
        List<String> out = new java.util.ArrayList<>(n);
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < n; i++) {
            String name = given == null || given.get(i) == null ? Integer.toString(i) : given.get(i);
            if (!name.matches("[A-Za-z0-9_]+")) {
                throw new IllegalArgumentException("Sequential: layer " + i + " name '" + name
                        + "' must be letters, digits and '_' (dots separate nested names)");
            }
            if (!seen.add(name)) {
                throw new IllegalArgumentException("Sequential: layer " + i + " is named '" + name
                        + "', a name an earlier layer already has (unnamed layers are named by position)");
            }
            out.add(name);
        }
        return List.copyOf(out);
    }

    /** The layer names, in order: given names, or positions for unnamed layers. */
    public List<String> names() {
        return names;
    }

    /** The layers by name, in order. */
    @Override
    public Map<String, dev.kiln.core.nn.Model> namedChildren() {
        Map<String, dev.kiln.core.nn.Model> out = new LinkedHashMap<>();
        for (int i = 0; i < layers.size(); i++) {
            out.put(names.get(i), layers.get(i));
        }
        return Collections.unmodifiableMap(out);
    }

    public static Sequential of(Layer... layers) {
        return new Sequential(Arrays.asList(layers));
    }

    /** A builder that infers each layer's input size from the previous one. */
    public static SequentialBuilder builder(int... inputShape) {
        return new SequentialBuilder(inputShape);
    }

    public List<Layer> layers() {
        return layers;
    }

    public Layer get(int index) {
        return layers.get(index);
    }

    public int size() {
        return layers.size();
    }

    /** The per-sample input shape given at construction, or null. */
    public int[] inputShape() {
        return inputShape == null ? null : inputShape.clone();
    }

    @Override
    public Tensor forward(Tensor input) {
        if (inputShape != null && input.rank() >= 1
                && !Arrays.equals(AbstractLayer.sampleShape(input), inputShape)) {
            throw new ShapeMismatchException(describe(), ShapeMismatchException.batched(inputShape),
                    AbstractLayer.sampleShape(input));
        }
        Tensor x = input;
        for (int i = 0; i < layers.size(); i++) {
            try {
                x = layers.get(i).forward(x);
            } catch (ShapeMismatchException e) {
                throw e.within(names.get(i));
            }
        }
        return x;
    }

    @Override
    public int[] outputShape(int[] shape) {
        int[] s = shape.clone();
        for (int i = 0; i < layers.size(); i++) {
            try {
                s = layers.get(i).outputShape(s);
            } catch (ShapeMismatchException e) {
                throw e.within(names.get(i));
            }
        }
        return s;
    }

    @Override
    public Map<String, Parameter> namedParameters() {
        Map<String, Parameter> out = new LinkedHashMap<>();
        for (int i = 0; i < layers.size(); i++) {
            for (Map.Entry<String, Parameter> e : layers.get(i).namedParameters().entrySet()) {
                out.put(names.get(i) + "." + e.getKey(), e.getValue());
            }
        }
        return Collections.unmodifiableMap(out);
    }

    @Override
    public Map<String, Tensor> buffers() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (int i = 0; i < layers.size(); i++) {
            for (Map.Entry<String, Tensor> e : layers.get(i).buffers().entrySet()) {
                out.put(names.get(i) + "." + e.getKey(), e.getValue());
            }
        }
        return Collections.unmodifiableMap(out);
    }

    @Override
    public void loadBuffers(Map<String, Tensor> buffers) {
        Map<String, Tensor> expected = buffers();
        if (!expected.keySet().equals(buffers.keySet())) {
            throw new IllegalArgumentException("Sequential.loadBuffers: expected keys " + expected.keySet()
                    + ", got " + buffers.keySet());
        }
        for (int i = 0; i < layers.size(); i++) {
            String prefix = names.get(i) + ".";
            Map<String, Tensor> mine = new LinkedHashMap<>();
            for (Map.Entry<String, Tensor> e : buffers.entrySet()) {
                if (e.getKey().startsWith(prefix)) {
                    mine.put(e.getKey().substring(prefix.length()), e.getValue());
                }
            }
            if (!mine.isEmpty()) {
                layers.get(i).loadBuffers(mine);
            }
        }
    }

    @Override
    public void train(boolean training) {
        this.training = training;
        for (Layer l : layers) {
            l.train(training);
        }
    }

    @Override
    public boolean isTraining() {
        return training;
    }

    /** {@code {"type": "Sequential", "input": [...] or null, "layers": [...]}}; see {@link LayerConfig}. */
    @Override
    public Map<String, Object> config() {
        List<Object> cs = new java.util.ArrayList<>();
        for (Layer l : layers) {
            cs.add(l.config());
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "Sequential");
        m.put("input", inputShape == null ? null : Arrays.stream(inputShape).boxed().toList());
        m.put("layers", cs);
        if (!names.equals(names(layers.size(), null))) { // positional names are implied; older files have none
            m.put("names", names);
        }
        return Collections.unmodifiableMap(m);
    }

    @Override
    public String describe() {
        return "Sequential(" + layers.size() + " layers)";
    }

    /** One line per layer with its output shape and parameter count, like Keras' {@code summary()}. */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        int[] s = inputShape;
        sb.append(String.format("%-4s %-34s %-20s %s%n", "#", "layer", "output", "params"));
        for (int i = 0; i < layers.size(); i++) {
            Layer l = layers.get(i);
            s = s == null ? null : l.outputShape(s);
            sb.append(String.format("%-4d %-34s %-20s %d%n", i, l.describe(),
                    s == null ? "?" : ShapeMismatchException.batched(s), l.parameterCount()));
        }
        sb.append(String.format("total parameters: %d%n", parameterCount()));
        return sb.toString();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Sequential(");
        if (inputShape != null) {
            sb.append("input ").append(Shape.str(inputShape)).append(": ");
        }
        for (int i = 0; i < layers.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(layers.get(i).describe());
        }
        return sb.append(')').toString();
    }
}

package dev.kiln.supervised.nn;

/**
 * A layer received (or, at build time, would receive) an input of the wrong shape. The message
 * names the layer (with its position in a {@link Sequential}), the expected and the actual shape;
 * shapes are written with the batch dimension as {@code N}, e.g. {@code [N, 784]}.
 */
public final class ShapeMismatchException extends IllegalArgumentException {
    private final String path;
    private final String layer;
    private final String expected;
    private final String actual;

    public ShapeMismatchException(String layer, String expected, int[] actualSampleShape) {
        this("", layer, expected, batched(actualSampleShape));
    }

    private ShapeMismatchException(String path, String layer, String expected, String actual) {
        super((path.isEmpty() ? "" : "layer " + path + " ") + layer + ": expected input " + expected
                + ", got " + actual);
        this.path = path;
        this.layer = layer;
        this.expected = expected;
        this.actual = actual;
    }

    /** The same error seen from a container: {@code index} is prepended to the layer's path. */
    public ShapeMismatchException within(String index) {
        return new ShapeMismatchException(path.isEmpty() ? index : index + "." + path, layer, expected, actual);
    }

    /** Position of the layer in nested containers ("2", "1.0"); empty for a lone layer. */
    public String path() {
        return path;
    }

    public String layer() {
        return layer;
    }

    public String expected() {
        return expected;
    }

    public String actual() {
        return actual;
    }

    /** {@code [N, d1, d2, ...]} for a per-sample shape. */
    public static String batched(int[] sampleShape) {
        StringBuilder sb = new StringBuilder("[N");
        for (int d : sampleShape) {
            sb.append(", ").append(d);
        }
        return sb.append(']').toString();
    }
}

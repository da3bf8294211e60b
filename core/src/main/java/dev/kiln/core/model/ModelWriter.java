package dev.kiln.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.core.component.HyperParameters;
import dev.kiln.core.io.ArrayData;
import dev.kiln.core.tensor.Tensor;
import java.util.Map;

/**
 * What a {@link ModelCodec} writes: named arrays (stored exactly, in their own dtype) and a JSON
 * object of small values (scalars, strings, the hyper-parameter record). Nested models (a
 * pipeline's steps, a forest's trees, a wrapper's base model) are written with {@link #child},
 * under their own codec, with array names prefixed by the child's path.
 */
public final class ModelWriter {
    static final ObjectMapper JSON = new ObjectMapper();

    private final String prefix;
    private final Map<String, ArrayData> arrays;
    private final ObjectNode node;

    ModelWriter(String prefix, Map<String, ArrayData> arrays, ObjectNode node) {
        this.prefix = prefix;
        this.arrays = arrays;
        this.node = node;
    }

    public ModelWriter array(String name, ArrayData data) {
        String full = prefix + name;
        if (arrays.putIfAbsent(full, data) != null) {
            throw new IllegalStateException("model file: array '" + full + "' written twice");
        }
        return this;
    }

    public ModelWriter array(String name, double[] values, int... shape) {
        return array(name, ArrayData.of(values, shape));
    }

    public ModelWriter array(String name, float[] values, int... shape) {
        return array(name, ArrayData.of(values, shape));
    }

    public ModelWriter array(String name, int[] values, int... shape) {
        return array(name, ArrayData.of(values, shape));
    }

    public ModelWriter array(String name, long[] values, int... shape) {
        return array(name, ArrayData.of(values, shape));
    }

    public ModelWriter tensor(String name, Tensor t) {
        return array(name, ArrayData.of(t));
    }

    /** A rectangular double matrix, stored as one F64 array of shape [rows, cols]. */
    public ModelWriter matrix(String name, double[][] rows) {
        int cols = rows.length == 0 ? 0 : rows[0].length;
        double[] flat = new double[rows.length * cols];
        for (int r = 0; r < rows.length; r++) {
            if (rows[r].length != cols) {
                throw new IllegalArgumentException("model file: matrix '" + prefix + name + "' row " + r + " has "
                        + rows[r].length + " values, row 0 has " + cols);
            }
            System.arraycopy(rows[r], 0, flat, r * cols, cols);
        }
        return array(name, ArrayData.of(flat, rows.length, cols));
    }

    /** A small value (number, string, boolean, list, map or record) under {@code key} in the JSON state. */
    public ModelWriter value(String key, Object value) {
        if (key.equals("codec") || key.equals("children") || node.has(key)) {
            throw new IllegalStateException("model file: value '" + prefix + key + "' is reserved or written twice");
        }
        JsonNode v = value instanceof Record r ? JSON.valueToTree(HyperParameters.toMap(r)) : JSON.valueToTree(value);
        node.set(key, v);
        return this;
    }

    /** The learner's hyper-parameter record, read back with {@link ModelReader#config}. */
    public ModelWriter config(Record config) {
        return value("config", config);
    }

    /** A nested model under {@code name}, written by its own codec. */
    public ModelWriter child(String name, Object model) {
        ObjectNode children = node.has("children") ? (ObjectNode) node.get("children") : node.putObject("children");
        if (children.has(name)) {
            throw new IllegalStateException("model file: child '" + prefix + name + "' written twice");
        }
        Models.writeModel(model, new ModelWriter(prefix + name + ".", arrays, children.putObject(name)));
        return this;
    }

    ObjectNode node() {
        return node;
    }
}

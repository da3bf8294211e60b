package dev.kiln.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.core.component.HyperParameters;
import dev.kiln.core.io.ArrayData;
import dev.kiln.core.io.DType;
import dev.kiln.core.tensor.Tensor;
import java.util.Map;

/**
 * What a {@link ModelCodec} reads back; every missing or mistyped entry fails with a
 * {@link ModelFormatException} naming the file and the entry.
 */
public final class ModelReader {
    private static final ObjectMapper JSON = ModelWriter.JSON;

    private final String source;
    private final String prefix;
    private final Map<String, ArrayData> arrays;
    private final JsonNode node;

    ModelReader(String source, String prefix, Map<String, ArrayData> arrays, JsonNode node) {
        this.source = source;
        this.prefix = prefix;
        this.arrays = arrays;
        this.node = node;
    }

    public ArrayData array(String name) {
        ArrayData a = arrays.get(prefix + name);
        if (a == null) {
            throw fail("array '" + prefix + name + "' is missing");
        }
        return a;
    }

    public boolean has(String name) {
        return arrays.containsKey(prefix + name) || node.has(name);
    }

    public double[] doubles(String name) {
        return typed(name, DType.F64).toDoubles();
    }

    public float[] floats(String name) {
        return typed(name, DType.F32).toFloats();
    }

    public int[] ints(String name) {
        return typed(name, DType.I32).toInts();
    }

    public long[] longs(String name) {
        return typed(name, DType.I64).toLongs();
    }

    public Tensor tensor(String name) {
        return typed(name, DType.F32).toTensor();
    }

    /** A matrix written by {@link ModelWriter#matrix}. */
    public double[][] matrix(String name) {
        ArrayData a = typed(name, DType.F64);
        int[] shape = a.shape();
        if (shape.length != 2) {
            throw fail("array '" + prefix + name + "' has shape " + java.util.Arrays.toString(shape) + ", expected [rows, cols]");
        }
        double[] flat = a.toDoubles();
        double[][] out = new double[shape[0]][];
        for (int r = 0; r < shape[0]; r++) {
            out[r] = java.util.Arrays.copyOfRange(flat, r * shape[1], (r + 1) * shape[1]);
        }
        return out;
    }

    public <T> T value(String key, Class<T> type) {
        JsonNode v = node.get(key);
        if (v == null) {
            throw fail("value '" + prefix + key + "' is missing");
        }
        try {
            return JSON.treeToValue(v, type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
            throw fail("value '" + prefix + key + "' is not a " + type.getSimpleName() + ": " + v);
        }
    }

    public int intValue(String key) {
        return value(key, Integer.class);
    }

    public long longValue(String key) {
        return value(key, Long.class);
    }

    public double doubleValue(String key) {
        return value(key, Double.class);
    }

    public String string(String key) {
        return value(key, String.class);
    }

    public boolean bool(String key) {
        return value(key, Boolean.class);
    }

    /** The hyper-parameter record written by {@link ModelWriter#config}, bound over {@code defaults} and validated. */
    @SuppressWarnings("unchecked")
    public <C extends Record> C config(C defaults) {
        Map<String, Object> values = value("config", Map.class);
        try {
            return HyperParameters.bind(defaults, values);
        } catch (IllegalArgumentException e) {
            throw fail("config: " + e.getMessage());
        }
    }

    /** The nested model written under {@code name}, checked to be a {@code type}. */
    public <T> T child(String name, Class<T> type) {
        JsonNode children = node.get("children");
        JsonNode child = children == null ? null : children.get(name);
        if (child == null) {
            throw fail("child model '" + prefix + name + "' is missing");
        }
        Object m = Models.readModel(new ModelReader(source, prefix + name + ".", arrays, child));
        if (!type.isInstance(m)) {
            throw fail("child model '" + prefix + name + "' is a " + m.getClass().getSimpleName() + ", expected "
                    + type.getSimpleName());
        }
        return type.cast(m);
    }

    JsonNode node() {
        return node;
    }

    String source() {
        return source;
    }

    private ArrayData typed(String name, DType want) {
        ArrayData a = array(name);
        if (a.dtype() != want) {
            throw fail("array '" + prefix + name + "' has dtype " + a.dtype() + ", expected " + want);
        }
        return a;
    }

    public ModelFormatException fail(String problem) {
        return new ModelFormatException("model file " + source + ": " + problem);
    }
}

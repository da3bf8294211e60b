package dev.kiln.supervised.nn;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.core.tensor.Rng;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Layer architectures as plain values and JSON, and back: {@code LayerConfig.build(net.config(), rng)}
 * rebuilds a network of the same shape (weights drawn from {@code rng} with the default
 * initialisation; load trained ones from a checkpoint afterwards). With the same seed, a network
 * made by {@link Sequential#builder} with the default initialisation is rebuilt identically.
 *
 * <pre>{@code
 * String json = LayerConfig.toJson(model.config());   // e.g. into a checkpoint's metadata
 * Layer copy = LayerConfig.fromJson(json, new Rng(0));
 * }</pre>
 */
public final class LayerConfig {
    private static final ObjectMapper JSON = new ObjectMapper();

    private LayerConfig() {
    }

    /** An ordered map {@code {"type": type, k1: v1, ...}}. */
    static Map<String, Object> of(String type, Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", type);
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    public static String toJson(Map<String, Object> config) {
        try {
            return JSON.writeValueAsString(config);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("layer config cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    public static Layer fromJson(String json, Rng rng) {
        Map<String, Object> config;
        try {
            config = JSON.readValue(json, new TypeReference<Map<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("layer config is not a JSON object: " + e.getOriginalMessage(), e);
        }
        return build(config, rng);
    }

    /** The layer a {@link Layer#config()} describes; fails naming the type or field that is wrong. */
    public static Layer build(Map<String, Object> c, Rng rng) {
        String type = string(c, "type");
        return switch (type) {
            case "Sequential" -> sequential(c, rng);
            case "Dense" -> new Dense(integer(c, "in"), integer(c, "out"), bool(c, "bias"), Init.DEFAULT, rng);
            case "Conv2D" -> {
                List<?> k = list(c, "kernel");
                if (k.size() != 2 || !(k.get(0) instanceof Number) || !(k.get(1) instanceof Number)) {
                    throw bad(c, "kernel", "two numbers [kh, kw]");
                }
                yield new Conv2D(integer(c, "in"), integer(c, "out"), ((Number) k.get(0)).intValue(),
                        ((Number) k.get(1)).intValue(), integer(c, "stride"), integer(c, "padding"), bool(c, "bias"),
                        Init.DEFAULT, rng);
            }
            case "MaxPool2D" -> new MaxPool2D(integer(c, "kernel"), integer(c, "stride"), integer(c, "padding"));
            case "AvgPool2D" -> new AvgPool2D(integer(c, "kernel"), integer(c, "stride"), integer(c, "padding"));
            case "BatchNorm1d" -> new BatchNorm1d(integer(c, "features"), number(c, "eps"), number(c, "momentum"));
            case "BatchNorm2d" -> new BatchNorm2d(integer(c, "features"), number(c, "eps"), number(c, "momentum"));
            case "Dropout" -> new Dropout(number(c, "p"), rng.split());
            case "Flatten" -> new Flatten();
            case "ReLU" -> new ReLU();
            case "LeakyReLU" -> new LeakyReLU((float) number(c, "slope"));
            case "Sigmoid" -> new Sigmoid();
            case "Tanh" -> new Tanh();
            case "GELU" -> switch (string(c, "approximate")) {
                case "none" -> new GELU();
                case "tanh" -> GELU.tanh();
                default -> throw bad(c, "approximate", "\"none\" or \"tanh\"");
            };
            case "Softmax" -> new Softmax(integer(c, "axis"));
            default -> throw new IllegalArgumentException("layer config: unknown layer type '" + type + "' in " + c);
        };
    }

    private static Sequential sequential(Map<String, Object> c, Rng rng) {
        List<Layer> layers = new ArrayList<>();
        int i = 0;
        for (Object o : list(c, "layers")) {
            if (!(o instanceof Map<?, ?> m)) {
                throw bad(c, "layers[" + i + "]", "an object");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> lc = (Map<String, Object>) m;
            layers.add(build(lc, rng));
            i++;
        }
        List<String> names = null;
        if (c.get("names") != null) {
            names = new ArrayList<>();
            for (Object n : list(c, "names")) {
                if (!(n instanceof String s)) {
                    throw bad(c, "names", "a list of layer names");
                }
                names.add(s);
            }
        }
        Object input = c.get("input");
        if (input == null) {
            return new Sequential(null, layers, names);
        }
        List<?> dims = list(c, "input");
        int[] shape = new int[dims.size()];
        for (int d = 0; d < shape.length; d++) {
            if (!(dims.get(d) instanceof Number n)) {
                throw bad(c, "input", "a list of dimensions");
            }
            shape[d] = n.intValue();
        }
        return new Sequential(shape, layers, names);
    }

    private static Object field(Map<String, Object> c, String key) {
        if (!c.containsKey(key)) {
            throw new IllegalArgumentException("layer config " + c.get("type") + ": missing field '" + key + "' in " + c);
        }
        return c.get(key);
    }

    private static String string(Map<String, Object> c, String key) {
        if (!(field(c, key) instanceof String s)) {
            throw bad(c, key, "a string");
        }
        return s;
    }

    private static int integer(Map<String, Object> c, String key) {
        if (!(field(c, key) instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
            throw bad(c, key, "a whole number");
        }
        return n.intValue();
    }

    private static double number(Map<String, Object> c, String key) {
        if (!(field(c, key) instanceof Number n)) {
            throw bad(c, key, "a number");
        }
        return n.doubleValue();
    }

    private static boolean bool(Map<String, Object> c, String key) {
        if (!(field(c, key) instanceof Boolean b)) {
            throw bad(c, key, "true or false");
        }
        return b;
    }

    private static List<?> list(Map<String, Object> c, String key) {
        if (!(field(c, key) instanceof List<?> l)) {
            throw bad(c, key, "a list");
        }
        return l;
    }

    private static IllegalArgumentException bad(Map<String, Object> c, String key, String expected) {
        return new IllegalArgumentException("layer config " + c.get("type") + ": field '" + key + "' must be " + expected
                + ", got " + c.get(key));
    }
}

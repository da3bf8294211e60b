package dev.kiln.core.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.core.backend.Backends;
import dev.kiln.core.io.ArrayData;
import dev.kiln.core.io.SafeTensors;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One file for every fitted model: {@code Models.save(model, path)}, {@code Models.load(path)}.
 *
 * <p>The file is safetensors: the model's arrays (network weights as F32, exact F64/I32 state of
 * trees, forests, SVMs, ...) plus metadata holding the format name and version, the model as a
 * JSON tree (codec name, hyper-parameter record, small state, nested models) and provenance
 * (Kiln version, Java, OS, backend, and whatever the caller adds, e.g. the seed). A PyTorch user
 * can open it with any safetensors reader. Writes are atomic; a file from a newer format version
 * is refused.
 */
public final class Models {
    public static final String FORMAT = "kiln-model";
    /** Raised when the layout changes incompatibly; older files stay readable. */
    public static final int FORMAT_VERSION = 1;
    static final String KEY_FORMAT = "kiln.format";
    static final String KEY_VERSION = "kiln.format_version";
    static final String KEY_MODEL = "kiln.model";
    static final String KEY_PROVENANCE = "kiln.provenance";

    private Models() {
    }

    public static void save(Object model, Path file) throws IOException {
        save(model, file, Map.of());
    }

    /** Saves with extra provenance entries ({@code "seed" -> "42"}); they are read back by {@link #provenance}. */
    public static void save(Object model, Path file, Map<String, String> extraProvenance) throws IOException {
        SafeTensors.RawContents c = encode(model, extraProvenance);
        SafeTensors.writeArrays(file, c.arrays(), c.metadata());
    }

    /** The arrays and metadata of {@code model}'s file, without writing it (for tests and tools). */
    public static SafeTensors.RawContents encode(Object model, Map<String, String> extraProvenance) {
        Map<String, ArrayData> arrays = new LinkedHashMap<>();
        ObjectNode root = ModelWriter.JSON.createObjectNode();
        writeModel(model, new ModelWriter("", arrays, root));
        Map<String, String> provenance = new TreeMap<>(defaultProvenance());
        provenance.putAll(extraProvenance);
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put(KEY_FORMAT, FORMAT);
        meta.put(KEY_VERSION, Integer.toString(FORMAT_VERSION));
        meta.put(KEY_MODEL, json(root));
        meta.put(KEY_PROVENANCE, json(ModelWriter.JSON.valueToTree(provenance)));
        return new SafeTensors.RawContents(arrays, meta);
    }

    public static Object load(Path file) throws IOException {
        SafeTensors.RawContents raw = SafeTensors.readArrays(file);
        return decode(raw, file.toString());
    }

    /** Loads and checks the type: {@code Models.load(path, Classifier.class)}. */
    public static <T> T load(Path file, Class<T> type) throws IOException {
        Object m = load(file);
        if (!type.isInstance(m)) {
            throw new ModelFormatException("model file " + file + " holds a " + m.getClass().getName() + ", not a "
                    + type.getName());
        }
        return type.cast(m);
    }

    public static Object decode(SafeTensors.RawContents raw, String source) {
        Map<String, String> meta = raw.metadata();
        if (!FORMAT.equals(meta.get(KEY_FORMAT))) {
            throw new ModelFormatException("model file " + source + ": not a Kiln model file (metadata " + KEY_FORMAT
                    + " is " + (meta.containsKey(KEY_FORMAT) ? "'" + meta.get(KEY_FORMAT) + "'" : "missing")
                    + "); plain weights load with StateDict");
        }
        int version;
        try {
            version = Integer.parseInt(meta.getOrDefault(KEY_VERSION, ""));
        } catch (NumberFormatException e) {
            throw new ModelFormatException("model file " + source + ": " + KEY_VERSION + " must be a whole number, got '"
                    + meta.get(KEY_VERSION) + "'");
        }
        if (version > FORMAT_VERSION || version < 1) {
            throw new ModelFormatException("model file " + source + " has format version " + version + "; this Kiln reads "
                    + "versions 1.." + FORMAT_VERSION + (version > FORMAT_VERSION ? " (written by a newer Kiln: upgrade)" : ""));
        }
        JsonNode root;
        try {
            root = ModelWriter.JSON.readTree(meta.getOrDefault(KEY_MODEL, ""));
        } catch (JsonProcessingException e) {
            throw new ModelFormatException("model file " + source + ": " + KEY_MODEL + " is not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new ModelFormatException("model file " + source + ": " + KEY_MODEL + " must be a JSON object");
        }
        return readModel(new ModelReader(source, "", raw.arrays(), root));
    }

    /** The provenance stored in a model file. */
    public static Map<String, String> provenance(Path file) throws IOException {
        String p = SafeTensors.readArrays(file).metadata().get(KEY_PROVENANCE);
        if (p == null) {
            throw new ModelFormatException("model file " + file + ": no " + KEY_PROVENANCE);
        }
        return ModelWriter.JSON.readValue(p, new TypeReference<Map<String, String>>() { });
    }

    /** Every codec on the class path, by name. */
    public static List<ModelCodec<?>> codecs() {
        return Registry.CODECS;
    }

    /** The Kiln version, from the build ({@code "unknown"} when run from unfiltered sources). */
    public static String kilnVersion() {
        return Registry.VERSION;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static void writeModel(Object model, ModelWriter out) {
        if (model == null) {
            throw new IllegalArgumentException("Models.save: model is null");
        }
        ModelCodec codec = codecFor(model.getClass());
        out.node().put("codec", codec.name());
        codec.write(model, out);
    }

    static Object readModel(ModelReader in) {
        JsonNode name = in.node().get("codec");
        if (name == null || !name.isTextual()) {
            throw in.fail("a model entry has no codec name");
        }
        ModelCodec<?> codec = Registry.BY_NAME.get(name.asText());
        if (codec == null) {
            throw in.fail("unknown model '" + name.asText() + "' (is its module on the class path?); known: "
                    + String.join(", ", Registry.BY_NAME.keySet()));
        }
        try {
            return codec.read(in);
        } catch (ModelFormatException e) {
            throw e;
        } catch (RuntimeException e) {
            throw in.fail("model '" + name.asText() + "' cannot be rebuilt: " + e.getMessage());
        }
    }

    private static ModelCodec<?> codecFor(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            ModelCodec<?> codec = Registry.BY_TYPE.get(c);
            if (codec != null) {
                return codec;
            }
        }
        throw new IllegalArgumentException("Models.save: no model codec for " + type.getName() + "; saveable: "
                + Registry.BY_TYPE.keySet().stream().map(Class::getSimpleName).sorted().collect(Collectors.joining(", ")));
    }

    private static Map<String, String> defaultProvenance() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("kiln", Registry.VERSION);
        p.put("java", System.getProperty("java.version"));
        p.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        p.put("backend", Backends.current().name());
        return p;
    }

    private static String json(JsonNode n) {
        try {
            return ModelWriter.JSON.writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("model JSON cannot be written", e);
        }
    }

    /** Codecs found once: ServiceLoader scans jars, and saving inside a training loop must not. */
    private static final class Registry {
        static final List<ModelCodec<?>> CODECS;
        static final Map<String, ModelCodec<?>> BY_NAME = new TreeMap<>();
        static final Map<Class<?>, ModelCodec<?>> BY_TYPE = new LinkedHashMap<>();
        static final String VERSION;

        static {
            List<ModelCodec<?>> all = new ArrayList<>();
            for (ModelCodec<?> c : ServiceLoader.load(ModelCodec.class)) {
                ModelCodec<?> before = BY_NAME.putIfAbsent(c.name(), c);
                if (before != null) {
                    throw new IllegalStateException("two model codecs named '" + c.name() + "': "
                            + before.getClass().getName() + " and " + c.getClass().getName());
                }
                BY_TYPE.put(c.type(), c);
                all.add(c);
            }
            CODECS = List.copyOf(all);
            Properties p = new Properties();
            try (InputStream in = Models.class.getResourceAsStream("/dev/kiln/core/kiln.properties")) {
                if (in != null) {
                    p.load(in);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            String v = p.getProperty("version", "unknown");
            VERSION = v.startsWith("${") ? "unknown" : v;
        }
    }
}

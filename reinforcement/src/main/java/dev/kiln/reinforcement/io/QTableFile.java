package dev.kiln.reinforcement.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.core.io.AtomicFiles;
import dev.kiln.reinforcement.agent.QTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Saves and loads a {@link QTable} as a small JSON file:
 * <pre>{"format": "kiln-qtable", "version": 1, "states": S, "actions": A,
 *  "metadata": {"algorithm": "QLearning", ...}, "q": [[...A numbers...], ...S rows...]}</pre>
 * Numbers are written as the shortest decimal that reads back to the same double, so a table
 * round-trips exactly. Files are written atomically.
 */
public final class QTableFile {
    public static final String FORMAT = "kiln-qtable";
    public static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    private QTableFile() {
    }

    public static void save(QTable table, Map<String, String> metadata, Path file) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.put("states", table.states());
        root.put("actions", table.actions());
        ObjectNode meta = root.putObject("metadata");
        metadata.forEach(meta::put);
        ArrayNode rows = root.putArray("q");
        for (int s = 0; s < table.states(); s++) {
            ArrayNode row = rows.addArray();
            for (int a = 0; a < table.actions(); a++) {
                row.add(table.get(s, a));
            }
        }
        try {
            AtomicFiles.write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
        } catch (IOException e) {
            throw new UncheckedIOException("Q-table file " + file + ": could not write: " + e.getMessage(), e);
        }
    }

    public static QTable load(Path file) {
        return read(file).table();
    }

    /** The table and its metadata. */
    public static Loaded read(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Q-table file " + file + ": cannot read JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw bad(file, "not a JSON object");
        }
        if (!FORMAT.equals(root.path("format").asText(null))) {
            throw bad(file, "field 'format' is " + root.get("format") + ", expected \"" + FORMAT + "\"");
        }
        if (root.path("version").asInt(-1) != VERSION) {
            throw bad(file, "field 'version' is " + root.get("version") + ", this reader knows version " + VERSION);
        }
        int states = positiveInt(file, root, "states");
        int actions = positiveInt(file, root, "actions");
        JsonNode rows = root.get("q");
        if (rows == null || !rows.isArray() || rows.size() != states) {
            throw bad(file, "field 'q' must be an array of " + states + " rows, got "
                    + (rows == null ? "nothing" : rows.getNodeType() + " of size " + rows.size()));
        }
        double[][] q = new double[states][actions];
        for (int s = 0; s < states; s++) {
            JsonNode row = rows.get(s);
            if (!row.isArray() || row.size() != actions) {
                throw bad(file, "q[" + s + "] must be an array of " + actions + " numbers, got " + row);
            }
            for (int a = 0; a < actions; a++) {
                JsonNode v = row.get(a);
                if (!v.isNumber() || !Double.isFinite(v.doubleValue())) {
                    throw bad(file, "q[" + s + "][" + a + "] must be a finite number, got " + v);
                }
                q[s][a] = v.doubleValue();
            }
        }
        Map<String, String> meta = new LinkedHashMap<>();
        root.path("metadata").properties().forEach(e -> meta.put(e.getKey(), e.getValue().asText()));
        return new Loaded(QTable.of(q), Map.copyOf(meta));
    }

    private static int positiveInt(Path file, JsonNode root, String field) {
        JsonNode n = root.get(field);
        if (n == null || !n.isInt() || n.intValue() <= 0) {
            throw bad(file, "field '" + field + "' must be a positive integer, got " + n);
        }
        return n.intValue();
    }

    private static IllegalArgumentException bad(Path file, String what) {
        return new IllegalArgumentException("Q-table file " + file + ": " + what);
    }

    public record Loaded(QTable table, Map<String, String> metadata) {
    }
}

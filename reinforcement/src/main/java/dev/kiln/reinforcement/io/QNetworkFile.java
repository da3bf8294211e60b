package dev.kiln.reinforcement.io;

import dev.kiln.core.io.SafeTensors;
import dev.kiln.core.tensor.Tensor;
import dev.kiln.reinforcement.dqn.DqnAgent;
import dev.kiln.reinforcement.dqn.DqnParameters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Saves a {@link DqnAgent}'s Q-network as a safetensors file (PyTorch-compatible names and shapes:
 * {@code 0.weight [out, in]}, {@code 0.bias}, ...), with the sizes needed to rebuild it in the
 * metadata: {@code format = kiln-dqn}, {@code inputs}, {@code actions}, {@code hidden} (comma-separated).
 */
public final class QNetworkFile {
    public static final String FORMAT = "kiln-dqn";

    private QNetworkFile() {
    }

    public static void save(DqnAgent agent, Map<String, String> extraMetadata, Path file) {
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        agent.network().namedParameters().forEach((name, p) -> tensors.put(name, p.value().detach()));
        Map<String, String> meta = new LinkedHashMap<>(extraMetadata);
        meta.put("format", FORMAT);
        meta.put("inputs", Integer.toString(agent.inputs()));
        meta.put("actions", Integer.toString(agent.actions()));
        meta.put("hidden", String.join(",", Arrays.stream(agent.parameters().hidden()).mapToObj(Integer::toString).toList()));
        try {
            SafeTensors.write(file, tensors, meta);
        } catch (IOException e) {
            throw new UncheckedIOException("Q-network file " + file + ": could not write: " + e.getMessage(), e);
        }
    }

    /**
     * Rebuilds an agent from a saved network: sizes come from the file, the hidden widths must
     * match {@code params}' (they decide the architecture); the weights are loaded into the online
     * and target networks.
     */
    public static DqnAgent load(Path file, DqnParameters params) {
        SafeTensors.Contents c;
        try {
            c = SafeTensors.read(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Q-network file " + file + ": " + e.getMessage(), e);
        }
        Map<String, String> meta = c.metadata();
        if (!FORMAT.equals(meta.get("format"))) {
            throw new IllegalArgumentException("Q-network file " + file + ": metadata 'format' is " + meta.get("format")
                    + ", expected " + FORMAT);
        }
        String hidden = meta.getOrDefault("hidden", "");
        int[] widths = hidden.isEmpty() ? new int[0] : Arrays.stream(hidden.split(",")).mapToInt(Integer::parseInt).toArray();
        if (!Arrays.equals(widths, params.hidden())) {
            throw new IllegalArgumentException("Q-network file " + file + ": hidden widths " + Arrays.toString(widths)
                    + " differ from the parameters' " + Arrays.toString(params.hidden()));
        }
        DqnAgent agent = new DqnAgent(intField(file, meta, "inputs"), intField(file, meta, "actions"), params);
        agent.load(c.tensors());
        return agent;
    }

    private static int intField(Path file, Map<String, String> meta, String key) {
        try {
            int v = Integer.parseInt(meta.getOrDefault(key, ""));
            if (v > 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("Q-network file " + file + ": metadata '" + key
                + "' must be a positive integer, got " + meta.get(key));
    }
}

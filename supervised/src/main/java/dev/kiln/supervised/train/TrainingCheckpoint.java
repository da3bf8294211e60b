package dev.kiln.supervised.train;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.core.io.SafeTensors;
import dev.kiln.core.nn.Model;
import dev.kiln.core.nn.Parameter;
import dev.kiln.core.tensor.Tensor;
import dev.kiln.supervised.nn.HasBuffers;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything needed to continue training exactly where it stopped, in one safetensors file:
 * parameters and buffers under their model names (so {@code model.load_state_dict} in PyTorch
 * reads them), optimizer state under {@code "optimizer."} + its key, and in {@code __metadata__}
 * the epoch, seed, shuffle-stream offset, model configuration, optimizer, key lists and the
 * history so far.
 */
public record TrainingCheckpoint(int epoch, long seed, long shuffleOffset, Map<String, Tensor> parameters,
                                 Map<String, Tensor> buffers, Map<String, Tensor> optimizerState,
                                 Map<String, String> metadata) {
    public static final String FORMAT = "kiln-checkpoint/1";
    static final String OPTIMIZER_PREFIX = "optimizer.";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Captures the current state (parameters, buffers, optimizer state, stream offset, history). */
    public static TrainingCheckpoint capture(TrainingState s) {
        Map<String, Tensor> params = new LinkedHashMap<>();
        s.model().namedParameters().forEach((k, p) -> params.put(k, p.value()));
        Map<String, Tensor> buffers = s.model() instanceof HasBuffers hb ? hb.buffers() : Map.of();
        Map<String, Tensor> opt = s.optimizer().state();
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("format", FORMAT);
        meta.put("epoch", Integer.toString(s.epoch()));
        meta.put("seed", Long.toString(s.seed()));
        meta.put("shuffle_rng_offset", Long.toString(s.shuffleRng().offset()));
        meta.put("model_config", s.modelConfig());
        meta.put("optimizer", s.optimizer().getClass().getSimpleName());
        meta.put("learning_rate", Double.toString(s.optimizer().learningRate()));
        meta.put("parameter_keys", json(new ArrayList<>(params.keySet())));
        meta.put("buffer_keys", json(new ArrayList<>(buffers.keySet())));
        meta.put("optimizer_state_keys", json(new ArrayList<>(opt.keySet())));
        meta.put("history", s.history().toJson());
        return new TrainingCheckpoint(s.epoch(), s.seed(), s.shuffleRng().offset(), params, buffers, opt, meta);
    }

    /** Writes the checkpoint atomically. */
    public void write(Path file) throws IOException {
        Map<String, Tensor> all = new LinkedHashMap<>();
        putAll(all, parameters, "", file);
        putAll(all, buffers, "", file);
        putAll(all, optimizerState, OPTIMIZER_PREFIX, file);
        SafeTensors.write(file, all, metadata);
    }

    private static void putAll(Map<String, Tensor> into, Map<String, Tensor> from, String prefix, Path file) {
        from.forEach((k, v) -> {
            if (into.put(prefix + k, v) != null) {
                throw new IllegalStateException("checkpoint " + file + ": two tensors named '" + prefix + k + "'");
            }
        });
    }

    /** Reads and checks a checkpoint written by {@link #write}. */
    public static TrainingCheckpoint read(Path file) throws IOException {
        SafeTensors.Contents c = SafeTensors.read(file);
        Map<String, String> meta = c.metadata();
        if (!FORMAT.equals(meta.get("format"))) {
            throw new CheckpointFormatException(file, "metadata 'format' is " + meta.get("format") + ", expected "
                    + FORMAT + " (is this a Kiln training checkpoint?)");
        }
        Map<String, Tensor> params = pick(file, c.tensors(), keys(file, meta, "parameter_keys"), "");
        Map<String, Tensor> buffers = pick(file, c.tensors(), keys(file, meta, "buffer_keys"), "");
        Map<String, Tensor> opt = pick(file, c.tensors(), keys(file, meta, "optimizer_state_keys"), OPTIMIZER_PREFIX);
        int listed = params.size() + buffers.size() + opt.size();
        if (listed != c.tensors().size()) {
            throw new CheckpointFormatException(file, "holds " + c.tensors().size() + " tensors but its metadata lists "
                    + listed);
        }
        // A negative or wrapped epoch would resume at the wrong epoch (an int cast of 2^32 + 3 is 3), and a
        // negative stream offset would replay different batches: reject them instead of training wrongly.
        long epoch = number(file, meta, "epoch");
        if (epoch < 0 || epoch > Integer.MAX_VALUE) {
            throw new CheckpointFormatException(file, "metadata 'epoch' must be in 0.." + Integer.MAX_VALUE + ", got "
                    + epoch);
        }
        long offset = number(file, meta, "shuffle_rng_offset");
        if (offset < 0) {
            throw new CheckpointFormatException(file, "metadata 'shuffle_rng_offset' must be >= 0, got " + offset);
        }
        return new TrainingCheckpoint((int) epoch, number(file, meta, "seed"), offset, params, buffers, opt, meta);
    }

    /** The history up to this checkpoint's epoch. */
    public History history() {
        return History.fromJson(metadata.get("history"));
    }

    /** Loads parameters and buffers into {@code model}; names and shapes must match exactly. */
    public void restoreModel(Model model) {
        Map<String, Parameter> named = model.namedParameters();
        if (!named.keySet().equals(parameters.keySet())) {
            throw new IllegalArgumentException("checkpoint parameters " + parameters.keySet()
                    + " do not match the model's " + named.keySet());
        }
        named.forEach((k, p) -> {
            Tensor v = parameters.get(k);
            if (!Arrays.equals(v.shape(), p.shape())) {
                throw new IllegalArgumentException("checkpoint parameter '" + k + "' has shape " + Arrays.toString(v.shape())
                        + ", the model's has " + Arrays.toString(p.shape()));
            }
            p.load(v.to(p.value().backend()));
        });
        if (model instanceof HasBuffers hb) {
            hb.loadBuffers(buffers);
        } else if (!buffers.isEmpty()) {
            throw new IllegalArgumentException("checkpoint has buffers " + buffers.keySet() + " but the model keeps none");
        }
    }

    private static Map<String, Tensor> pick(Path file, Map<String, Tensor> all, List<String> keys, String prefix)
            throws IOException {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (String k : keys) {
            Tensor t = all.get(prefix + k);
            if (t == null) {
                throw new CheckpointFormatException(file, "metadata lists tensor '" + prefix + k + "' but the file lacks it");
            }
            out.put(k, t);
        }
        return out;
    }

    private static List<String> keys(Path file, Map<String, String> meta, String name) throws IOException {
        String v = meta.get(name);
        if (v == null) {
            throw new CheckpointFormatException(file, "metadata has no '" + name + "'");
        }
        try {
            return JSON.readValue(v, new TypeReference<List<String>>() { });
        } catch (JsonProcessingException e) {
            throw new CheckpointFormatException(file, "metadata '" + name + "' is not a JSON list of names: " + v);
        }
    }

    private static Long number(Path file, Map<String, String> meta, String name) throws IOException {
        String v = meta.get(name);
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException | NullPointerException e) {
            throw new CheckpointFormatException(file, "metadata '" + name + "' must be an integer, got " + v);
        }
    }

    private static String json(List<String> keys) {
        try {
            return JSON.writeValueAsString(keys);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

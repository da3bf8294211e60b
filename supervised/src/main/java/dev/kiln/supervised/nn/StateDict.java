package dev.kiln.supervised.nn;

import dev.kiln.core.io.SafeTensors;
import dev.kiln.core.nn.Model;
import dev.kiln.core.nn.Parameter;
import dev.kiln.core.tensor.Tensor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A network's plain weights by name, as PyTorch's {@code state_dict()}: parameters
 * ({@code "0.weight"} in logical PyTorch layout, dense weights {@code [out, in]}) followed by
 * buffers ({@code "1.running_mean"}). {@link #load} puts named tensors into a model and reports
 * what matched, what the model missed, what the file had extra and what had the wrong shape; in
 * strict mode (the default, as {@code load_state_dict(strict=True)}) any of those is an error
 * listing all of them.
 *
 * <pre>{@code
 * LoadReport r = StateDict.load(net, Path.of("mlp.safetensors"));                 // PyTorch names as they are
 * StateDict.load(net, file, StateDict.Options.lenient().stripPrefix("module.")); // a DataParallel checkpoint
 * }</pre>
 *
 * <p>Non-weight keys: Kiln's dropout layers keep {@code "<name>.rng_state"} so a resumed run draws
 * the same masks; PyTorch has no such key, so drop keys ending in {@code .rng_state} before a
 * {@code load_state_dict(strict=True)} in PyTorch; a load never requires them. PyTorch's {@code num_batches_tracked} has no
 * Kiln counterpart and is ignored on load (see {@link Options#ignoring}).
 */
public final class StateDict {
    private StateDict() {
    }

    /** Parameters, then buffers, by dotted name; contiguous copies in PyTorch's logical layout. */
    public static Map<String, Tensor> of(Model model) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (Map.Entry<String, Parameter> e : model.namedParameters().entrySet()) {
            out.put(e.getKey(), e.getValue().value().detach().contiguous());
        }
        if (model instanceof HasBuffers b) {
            for (Map.Entry<String, Tensor> e : b.buffers().entrySet()) {
                out.put(e.getKey(), e.getValue().contiguous());
            }
        }
        return out;
    }

    /** Writes {@link #of(Model)} as safetensors (atomically: a temp file, then a rename). */
    public static void save(Model model, Path file) throws IOException {
        SafeTensors.write(file, of(model), Map.of());
    }

    /** Strict load from a safetensors file. */
    public static LoadReport load(Model model, Path file) throws IOException {
        return load(model, file, Options.strict());
    }

    public static LoadReport load(Model model, Path file, Options options) throws IOException {
        return load(model, SafeTensors.read(file).tensors(), options, file.toString());
    }

    public static LoadReport load(Model model, Map<String, Tensor> tensors, Options options) {
        return load(model, tensors, options, "state dict");
    }

    private static LoadReport load(Model model, Map<String, Tensor> tensors, Options options, String source) {
        Map<String, Tensor> renamed = new LinkedHashMap<>();
        List<String> ignored = new ArrayList<>();
        for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
            String name = options.rename(e.getKey());
            if (name == null) {
                ignored.add(e.getKey());
            } else if (renamed.put(name, e.getValue()) != null) {
                throw new IllegalArgumentException(source + ": two tensors map to '" + name
                        + "' after the renaming rules; the second was '" + e.getKey() + "'");
            }
        }
        Map<String, Parameter> params = model.namedParameters();
        Map<String, Tensor> buffers = model instanceof HasBuffers b ? new LinkedHashMap<>(b.buffers()) : new LinkedHashMap<>();
        List<String> matched = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        List<LoadReport.Mismatch> mismatched = new ArrayList<>();
        Map<String, Tensor> paramLoads = new LinkedHashMap<>();
        Map<String, Tensor> bufferLoads = new LinkedHashMap<>();
        for (Map.Entry<String, int[]> want : shapes(params, buffers).entrySet()) {
            String name = want.getKey();
            Tensor got = renamed.remove(name);
            if (got == null) {
                if (!name.endsWith(".rng_state")) { // Kiln-only state, not a weight: never required
                    missing.add(name);
                }
            } else if (!Arrays.equals(got.shape(), want.getValue())) {
                mismatched.add(new LoadReport.Mismatch(name, want.getValue(), got.shape()));
            } else {
                matched.add(name);
                (params.containsKey(name) ? paramLoads : bufferLoads).put(name, got);
            }
        }
        LoadReport report = new LoadReport(matched, missing, new ArrayList<>(renamed.keySet()), mismatched, ignored);
        if (options.strict && !report.isComplete()) {
            throw new IllegalArgumentException(source + ": strict load failed: " + report.problems());
        }
        // Only now change the model: a failed strict load leaves it as it was.
        for (Map.Entry<String, Tensor> e : paramLoads.entrySet()) {
            Parameter p = params.get(e.getKey());
            p.load(e.getValue().to(p.value().backend()));
        }
        if (!bufferLoads.isEmpty()) {
            for (Map.Entry<String, Tensor> e : bufferLoads.entrySet()) {
                buffers.put(e.getKey(), e.getValue().to(buffers.get(e.getKey()).backend()));
            }
            ((HasBuffers) model).loadBuffers(buffers);
        }
        return report;
    }

    private static Map<String, int[]> shapes(Map<String, Parameter> params, Map<String, Tensor> buffers) {
        Map<String, int[]> out = new LinkedHashMap<>();
        params.forEach((k, v) -> out.put(k, v.shape()));
        buffers.forEach((k, v) -> out.put(k, v.shape()));
        return out;
    }

    /**
     * How a load treats names: rules rewrite each incoming name in the order they were added (a
     * rule returning null drops the tensor, and it is reported as ignored), then the result is
     * matched against the model's names. Options are immutable; each method returns a new one.
     */
    public static final class Options {
        private final boolean strict;
        private final List<java.util.function.UnaryOperator<String>> rules;

        private Options(boolean strict, List<java.util.function.UnaryOperator<String>> rules) {
            this.strict = strict;
            this.rules = List.copyOf(rules);
        }

        /** Every model tensor must be loaded and every file tensor used, shapes equal. Ignores {@code *.num_batches_tracked}. */
        public static Options strict() {
            return new Options(true, List.of()).ignoring(".*\\.num_batches_tracked");
        }

        /** Loads what matches and reports the rest. Ignores {@code *.num_batches_tracked}. */
        public static Options lenient() {
            return new Options(false, List.of()).ignoring(".*\\.num_batches_tracked");
        }

        /** Removes {@code prefix} from names that start with it ({@code "module."}, {@code "backbone."}). */
        public Options stripPrefix(String prefix) {
            return with(n -> n.startsWith(prefix) ? n.substring(prefix.length()) : n);
        }

        /** Puts {@code prefix} in front of every name. */
        public Options addPrefix(String prefix) {
            return with(n -> prefix + n);
        }

        /** {@code name.replaceAll(regex, replacement)}, e.g. {@code ("^fc1\\.", "0.")}. */
        public Options replace(String regex, String replacement) {
            java.util.regex.Pattern p = java.util.regex.Pattern.compile(regex);
            return with(n -> p.matcher(n).replaceAll(replacement));
        }

        /** Explicit renames {@code fileName → modelName}; names not in the map pass unchanged. */
        public Options map(Map<String, String> names) {
            Map<String, String> copy = Map.copyOf(names);
            return with(n -> copy.getOrDefault(n, n));
        }

        /** Drops tensors whose (rewritten so far) name matches {@code regex} entirely. */
        public Options ignoring(String regex) {
            java.util.regex.Pattern p = java.util.regex.Pattern.compile(regex);
            return with(n -> p.matcher(n).matches() ? null : n);
        }

        private Options with(java.util.function.UnaryOperator<String> rule) {
            List<java.util.function.UnaryOperator<String>> r = new ArrayList<>(rules);
            r.add(rule);
            return new Options(strict, r);
        }

        String rename(String name) {
            String n = name;
            for (var rule : rules) {
                n = rule.apply(n);
                if (n == null) {
                    return null;
                }
            }
            return n;
        }
    }
}

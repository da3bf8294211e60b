package dev.kiln.supervised.nn;

import dev.kiln.core.model.ModelCodec;
import dev.kiln.core.model.ModelReader;
import dev.kiln.core.model.ModelWriter;
import dev.kiln.core.tensor.Rng;
import dev.kiln.core.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A network in a model file: the architecture (layer records) as JSON and the state dict as F32
 * arrays under PyTorch's names, so {@code load_state_dict(strict=True)} in PyTorch takes the file
 * once the documented non-weight keys ({@code *.rng_state}) are dropped.
 */
public final class SequentialCodec implements ModelCodec<Sequential> {
    @Override
    public String name() {
        return "sequential";
    }

    @Override
    public Class<Sequential> type() {
        return Sequential.class;
    }

    @Override
    public void write(Sequential net, ModelWriter out) {
        out.value("architecture", net.config());
        StateDict.of(net).forEach(out::tensor);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Sequential read(ModelReader in) {
        Map<String, Object> architecture = in.value("architecture", Map.class);
        // The seed only fills weights that the state dict then replaces, and dropout streams that
        // the stored rng_state replaces, so the loaded network does not depend on it.
        Sequential net = (Sequential) LayerConfig.build(architecture, new Rng(0));
        Map<String, Tensor> state = new LinkedHashMap<>();
        for (String name : StateDict.of(net).keySet()) {
            state.put(name, in.tensor(name));
        }
        LoadReport report = StateDict.load(net, state, StateDict.Options.strict());
        if (!report.shapeMismatched().isEmpty()) {
            throw in.fail("network weights do not fit its architecture: " + report);
        }
        return net;
    }
}

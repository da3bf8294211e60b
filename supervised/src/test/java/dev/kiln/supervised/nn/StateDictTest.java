package dev.kiln.supervised.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.core.io.SafeTensors;
import dev.kiln.core.tensor.Autograd;
import dev.kiln.core.tensor.Rng;
import dev.kiln.core.tensor.Tensor;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plain weights by name. The fixture {@code fixtures/mlp.safetensors} was written by PyTorch 1.13
 * ({@code benchmarks/peers/state_dict_torch.py --write}): the seed MLP's state_dict, 4 input rows
 * and PyTorch's logits for them. The reverse direction was checked with
 * {@code state_dict_torch.py --check-kiln} on a file from {@link StateDict#save}: PyTorch's
 * {@code load_state_dict(strict=True)} accepts it (no key dropped for this model; keys ending in
 * {@code .rng_state} are the only ones to drop when the network has dropout).
 */
class StateDictTest {
    static Sequential seedMlp(long seed) {
        return Sequential.builder(784).dense(128).relu().dense(10).build(new Rng(seed));
    }

    static Map<String, Tensor> fixture() throws Exception {
        return SafeTensors.read(fixturePath()).tensors();
    }

    static Path fixturePath() throws URISyntaxException {
        return Path.of(StateDictTest.class.getResource("/fixtures/mlp.safetensors").toURI());
    }

    @Test
    void aPytorchStateDictLoadsWithOneCallAndReproducesItsLogits() throws Exception {
        Map<String, Tensor> f = fixture();
        Sequential net = seedMlp(1);
        LoadReport r = StateDict.load(net, fixturePath(), StateDict.Options.lenient());
        assertThat(r.matched()).containsExactly("0.weight", "0.bias", "2.weight", "2.bias");
        assertThat(r.unexpected()).containsExactly("input", "logits"); // the fixture's extra tensors
        assertThat(r.missing()).isEmpty();
        net.eval();
        float[] got;
        try (var noGrad = Autograd.noGrad()) {
            got = net.forward(f.get("input")).toArray();
        }
        float[] want = f.get("logits").toArray();
        assertThat(got).hasSize(40);
        for (int i = 0; i < want.length; i++) {
            assertThat((double) got[i]).as("logit %d", i).isCloseTo(want[i], org.assertj.core.data.Offset.offset(1e-5));
        }
    }

    @Test
    void strictLoadNamesEveryProblemAndLeavesTheModelUnchanged() throws Exception {
        Sequential net = seedMlp(2);
        Map<String, Tensor> before = StateDict.of(net);
        assertThatThrownBy(() -> StateDict.load(net, fixturePath()))
                .hasMessageContaining("strict load failed").hasMessageContaining("unexpected [input, logits]");
        Map<String, Tensor> wrong = new LinkedHashMap<>(fixture());
        wrong.remove("input");
        wrong.remove("logits");
        wrong.remove("2.bias");
        wrong.put("0.bias", Tensor.zeros(64));
        assertThatThrownBy(() -> StateDict.load(net, wrong, StateDict.Options.strict()))
                .hasMessageContaining("missing [2.bias]")
                .hasMessageContaining("shape mismatch [0.bias (model [128], file [64])]");
        assertThat(StateDict.of(net).get("0.weight").toArray()).containsExactly(before.get("0.weight").toArray());
        LoadReport lenient = StateDict.load(net, wrong, StateDict.Options.lenient());
        assertThat(lenient.matched()).containsExactly("0.weight", "2.weight");
        assertThat(lenient.missing()).containsExactly("2.bias");
        assertThat(lenient.shapeMismatched()).hasSize(1);
        assertThat(lenient.isComplete()).isFalse();
    }

    @Test
    void saveThenLoadIsBitExactIncludingBuffers(@TempDir Path dir) throws Exception {
        Sequential a = Sequential.builder(4).dense(6).batchNorm().relu().dropout(0.3).dense(2).build(new Rng(3));
        a.train(true);
        a.forward(Tensor.randn(new Rng(4), 8, 4)); // moves the batch-norm running statistics
        Path file = dir.resolve("net.safetensors");
        StateDict.save(a, file);
        Sequential b = Sequential.builder(4).dense(6).batchNorm().relu().dropout(0.3).dense(2).build(new Rng(9));
        LoadReport r = StateDict.load(b, file);
        assertThat(r.isComplete()).isTrue();
        Map<String, Tensor> sa = StateDict.of(a);
        Map<String, Tensor> sb = StateDict.of(b);
        assertThat(sb.keySet()).containsExactlyElementsOf(sa.keySet());
        for (String k : sa.keySet()) {
            assertThat(sb.get(k).toArray()).as(k).containsExactly(sa.get(k).toArray());
        }
        assertThat(sa.keySet()).contains("1.running_mean", "1.running_var");
    }

    @Test
    void renamingRulesMapOtherNamesOntoTheModel() throws Exception {
        Map<String, Tensor> named = new LinkedHashMap<>();
        Map<String, Tensor> f = fixture();
        named.put("module.fc1.weight", f.get("0.weight"));
        named.put("module.fc1.bias", f.get("0.bias"));
        named.put("module.out.weight", f.get("2.weight"));
        named.put("module.out.bias", f.get("2.bias"));
        named.put("module.fc1.num_batches_tracked", Tensor.zeros(1));
        Sequential net = seedMlp(5);
        LoadReport r = StateDict.load(net, named, StateDict.Options.strict().stripPrefix("module.")
                .replace("^fc1\\.", "0.").map(Map.of("out.weight", "2.weight", "out.bias", "2.bias")));
        assertThat(r.matched()).containsExactly("0.weight", "0.bias", "2.weight", "2.bias");
        assertThat(r.ignored()).containsExactly("module.fc1.num_batches_tracked");
        assertThat(StateDict.of(net).get("2.bias").toArray()).containsExactly(f.get("2.bias").toArray());
        named.put("module.0.weight", f.get("0.weight"));
        assertThatThrownBy(() -> StateDict.load(net, named, StateDict.Options.lenient().stripPrefix("module.")
                .replace("^fc1\\.", "0.")))
                .hasMessageContaining("two tensors map to '0.weight'");
    }
}

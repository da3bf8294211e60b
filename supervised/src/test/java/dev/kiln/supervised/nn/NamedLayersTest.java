package dev.kiln.supervised.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.core.tensor.Autograd;
import dev.kiln.core.tensor.Rng;
import dev.kiln.core.tensor.Tensor;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NamedLayersTest {
    static Sequential named(long seed) {
        return Sequential.builder(784).dense("fc1", 128).relu().dense("fc2", 10).build(new Rng(seed));
    }

    @Test
    void namedLayersNameTheirParametersAndChildrenUnnamedOnesKeepPositions() {
        Sequential net = named(0);
        assertThat(net.namedParameters().keySet()).containsExactly("fc1.weight", "fc1.bias", "fc2.weight", "fc2.bias");
        assertThat(net.names()).containsExactly("fc1", "1", "fc2");
        assertThat(net.namedChildren().keySet()).containsExactly("fc1", "1", "fc2");
        assertThat(net.namedChildren().get("fc2")).isSameAs(net.get(2));
        // same seed, same draws: names change nothing but names
        Sequential positional = Sequential.builder(784).dense(128).relu().dense(10).build(new Rng(0));
        assertThat(net.namedParameters().get("fc1.weight").value().toArray())
                .containsExactly(positional.namedParameters().get("0.weight").value().toArray());
    }

    @Test
    void namesSurviveTheLayerConfigRoundTripAndPositionalConfigsAreUnchanged() {
        Sequential net = named(1);
        Layer copy = LayerConfig.fromJson(LayerConfig.toJson(net.config()), new Rng(1));
        assertThat(copy.namedParameters().keySet()).containsExactlyElementsOf(net.namedParameters().keySet());
        assertThat(Sequential.builder(4).dense(2).build(new Rng(0)).config()).doesNotContainKey("names");
    }

    @Test
    void duplicateAndInvalidNamesAreErrors() {
        assertThatThrownBy(() -> Sequential.builder(4).dense("a", 3).dense("a", 2).build(new Rng(0)))
                .hasMessageContaining("layer 1 is named 'a'");
        assertThatThrownBy(() -> Sequential.builder(4).dense("2", 3).relu().dense(2).build(new Rng(0)))
                .hasMessageContaining("layer 2 is named '2'");
        assertThatThrownBy(() -> Sequential.builder(4).dense("fc.1", 3).build(new Rng(0)))
                .hasMessageContaining("name 'fc.1' must be letters, digits and '_'");
    }

    @Test
    void freezeByGlobSelectsNamesAndATypoIsAnError() {
        Sequential net = named(2);
        assertThat(net.freeze("fc1.*")).isEqualTo(2);
        assertThat(net.namedParameters().get("fc1.weight").isFrozen()).isTrue();
        assertThat(net.namedParameters().get("fc2.weight").isFrozen()).isFalse();
        assertThat(net.unfreeze("*.bias")).isEqualTo(2);
        assertThat(net.namedParameters().get("fc1.bias").isFrozen()).isFalse();
        assertThat(net.namedParameters().get("fc1.weight").isFrozen()).isTrue();
        assertThatThrownBy(() -> net.freeze("fc3*"))
                .hasMessageContaining("freeze('fc3*'): no parameter matches")
                .hasMessageContaining("fc1.weight");
    }

    @Test
    void pytorchPositionalWeightsLoadIntoNamedLayersThroughRenamingRules() throws Exception {
        Map<String, Tensor> f = StateDictTest.fixture();
        Sequential net = named(3);
        LoadReport r = StateDict.load(net, f, StateDict.Options.strict().ignoring("input|logits")
                .replace("^0\\.", "fc1.").replace("^2\\.", "fc2."));
        assertThat(r.matched()).containsExactly("fc1.weight", "fc1.bias", "fc2.weight", "fc2.bias");
        net.eval();
        try (var noGrad = Autograd.noGrad()) {
            float[] got = net.forward(f.get("input")).toArray();
            float[] want = f.get("logits").toArray();
            for (int i = 0; i < want.length; i++) {
                assertThat((double) got[i]).isCloseTo(want[i], org.assertj.core.data.Offset.offset(1e-5));
            }
        }
    }
}

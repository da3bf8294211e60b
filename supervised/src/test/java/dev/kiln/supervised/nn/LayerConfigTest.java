package dev.kiln.supervised.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.core.backend.Backends;
import dev.kiln.core.tensor.Rng;
import dev.kiln.core.tensor.Tensor;
import org.junit.jupiter.api.Test;

class LayerConfigTest {
    private static Sequential cnn(long seed) {
        return Sequential.builder(1, 8, 8)
                .conv2d(3, 3, 1, 1).batchNorm().leakyRelu(0.05f).maxPool2d(2)
                .conv2d(4, 2, 2, 0).gelu().avgPool2d(2, 1, 1)
                .flatten().dense(6).tanh().dropout(0.2).dense(5).sigmoid().add(GELU.tanh()).softmax()
                .build(new Rng(seed));
    }

    @Test
    void jsonRoundTripRebuildsTheSameNetwork() {
        Sequential original = cnn(21);
        String json = LayerConfig.toJson(original.config());
        assertThat(json).startsWith("{\"type\":\"Sequential\",\"input\":[1,8,8],\"layers\":[{\"type\":\"Conv2D\"");
        Layer rebuilt = LayerConfig.fromJson(json, new Rng(21));
        assertThat(rebuilt).isInstanceOf(Sequential.class);
        assertThat(rebuilt.config()).isEqualTo(original.config());
        assertThat(rebuilt.namedParameters().keySet()).isEqualTo(original.namedParameters().keySet());
        original.namedParameters().forEach((k, p) ->
                assertThat(rebuilt.namedParameters().get(k).value().toArray()).as(k).containsExactly(p.value().toArray()));
        Tensor x = Tensor.uniform(Backends.current(), new Rng(3), -1f, 1f, 2, 1, 8, 8);
        assertThat(rebuilt.forward(x).toArray()).containsExactly(original.forward(x).toArray());
    }

    @Test
    void badConfigsNameTheProblem() {
        assertThatThrownBy(() -> LayerConfig.fromJson("{\"type\":\"Conv3D\"}", new Rng(0)))
                .hasMessageContaining("unknown layer type 'Conv3D'");
        assertThatThrownBy(() -> LayerConfig.fromJson("{\"type\":\"Dense\",\"in\":3,\"bias\":true}", new Rng(0)))
                .hasMessageContaining("Dense").hasMessageContaining("missing field 'out'");
        assertThatThrownBy(() -> LayerConfig.fromJson("{\"type\":\"Dense\",\"in\":3.5,\"out\":2,\"bias\":true}", new Rng(0)))
                .hasMessageContaining("'in' must be a whole number");
        assertThatThrownBy(() -> LayerConfig.fromJson("[1, 2]", new Rng(0))).hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> LayerConfig.fromJson(
                "{\"type\":\"Sequential\",\"input\":[4],\"layers\":[{\"type\":\"Dense\",\"in\":3,\"out\":2,\"bias\":true}]}",
                new Rng(0))).isInstanceOf(ShapeMismatchException.class).hasMessageContaining("[N, 3]");
    }
}

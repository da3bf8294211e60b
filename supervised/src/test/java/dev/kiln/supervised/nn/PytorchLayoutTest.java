package dev.kiln.supervised.nn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.core.tensor.Rng;
import org.junit.jupiter.api.Test;

/**
 * Facts a PyTorch state-dict loader relies on: parameter names and logical weight shapes of a
 * Sequential network are those of the same {@code torch.nn.Sequential}.
 */
class PytorchLayoutTest {
    @Test
    void theSeedMlpHasNnSequentialsNamesAndLinearWeightShapes() {
        Sequential mlp = Sequential.builder(784).dense(128).relu().dense(10).build(new Rng(0));
        var params = mlp.namedParameters();
        // nn.Sequential(nn.Linear(784,128), nn.ReLU(), nn.Linear(128,10)): the ReLU takes position 1
        assertThat(params.keySet()).containsExactly("0.weight", "0.bias", "2.weight", "2.bias");
        assertThat(params.get("0.weight").shape()).containsExactly(128, 784); // nn.Linear: [out, in]
        assertThat(params.get("2.weight").shape()).containsExactly(10, 128);
        assertThat(params.get("2.bias").shape()).containsExactly(10);
    }
}

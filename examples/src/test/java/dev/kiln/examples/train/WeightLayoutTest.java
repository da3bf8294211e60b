package dev.kiln.examples.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.core.backend.Backends;
import dev.kiln.core.data.ArrayDataset;
import dev.kiln.core.nn.CrossEntropy;
import dev.kiln.core.nn.Model;
import dev.kiln.core.nn.Optimizer;
import dev.kiln.core.nn.Parameter;
import dev.kiln.core.tensor.Rng;
import dev.kiln.core.tensor.Tensor;
import dev.kiln.supervised.nn.Sequential;
import dev.kiln.supervised.optim.Adam;
import dev.kiln.supervised.optim.SGD;
import dev.kiln.supervised.train.CheckpointListener;
import dev.kiln.supervised.train.GradientTrainer;
import dev.kiln.supervised.train.GradientTrainerBuilder;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Dense weights are [out, in] but stored [in, out] (a transposed view): on tensor-cpu the layout
 * survives training, because gradients and element-wise results follow it, and it changes no bit
 * of the result compared with the same weights stored contiguously.
 */
class WeightLayoutTest {
    private static ArrayDataset data() {
        Rng rng = new Rng(11);
        float[][] x = new float[256][20];
        int[] y = new int[256];
        for (int i = 0; i < x.length; i++) {
            y[i] = i % 4;
            for (int d = 0; d < 20; d++) {
                // mostly zeros, as image pixels are, so the sparse GEMM paths run too
                x[i][d] = rng.nextDouble() < 0.7 ? 0f : (float) (rng.nextGaussian() + (d % 4 == y[i] ? 1.5 : 0));
            }
        }
        return ArrayDataset.ofLabels(x, y);
    }

    private static Map<String, Parameter> train(boolean contiguous, Function<Model, Optimizer> optimizer) {
        Sequential model = GradientTrainer.builder(rng -> {
            Sequential m = Sequential.builder(20).dense(64).relu().dense(4).build(rng);
            if (contiguous) {
                m.parameters().forEach(p -> p.set(p.value().contiguous()));
            }
            return m;
        }).loss(new CrossEntropy()).optimizer(optimizer).epochs(3).batchSize(16).seed(4).build().fit(data());
        return model.namedParameters();
    }

    private static void sameBitsAndLayoutKept(Function<Model, Optimizer> optimizer) {
        assertThat(Backends.current().name()).isEqualTo("cpu");
        Map<String, Parameter> transposed = train(false, optimizer);
        Map<String, Parameter> contiguous = train(true, optimizer);
        assertThat(transposed.get("0.weight").value().strides()).containsExactly(1, 64);
        assertThat(transposed.get("2.weight").value().strides()).containsExactly(1, 4);
        assertThat(contiguous.get("0.weight").value().isContiguous()).isTrue();
        transposed.forEach((k, p) -> assertThat(p.value().toArray()).as(k).containsExactly(contiguous.get(k).value().toArray()));
    }

    @Test
    void sgdKeepsTheLayoutAndTheBits() {
        sameBitsAndLayoutKept(m -> new SGD(m, 0.05).momentum(0.9));
    }

    @Test
    void adamKeepsTheLayoutAndTheBits() {
        sameBitsAndLayoutKept(m -> new Adam(m, 0.01));
    }

    @Test
    void aRunResumedFromACheckpointEndsWithTheSameBitsAndLayout(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        // on tensor-cpu: checkpoints hold [out, in] values, loading puts them back in the [in, out]
        // layout, recycling runs throughout, and the resumed run ends bit for bit where the full one does
        java.nio.file.Path ckpt = dir.resolve("ckpt");
        Sequential full = smallMlp().listener(new CheckpointListener(ckpt, 1)).build().fit(data());
        Sequential resumed = smallMlp().resumeFrom(CheckpointListener.fileFor(ckpt, 2)).build().fit(data());
        assertThat(resumed.namedParameters().get("0.weight").value().strides()).containsExactly(1, 32);
        full.namedParameters().forEach((k, p) -> assertThat(resumed.namedParameters().get(k).value().toArray()).as(k)
                .containsExactly(p.value().toArray()));
    }

    private static GradientTrainerBuilder<Sequential> smallMlp() {
        return GradientTrainer.builder(rng -> Sequential.builder(20).dense(32).relu().dense(4).build(rng))
                .loss(new CrossEntropy()).optimizer(m -> new SGD(m, 0.05).momentum(0.9)).epochs(4).batchSize(16).seed(9);
    }

    @Test
    void loadingWeightsKeepsTheParameterLayout() {
        Sequential m = Sequential.builder(3).dense(2).build(new Rng(1));
        Parameter w = m.namedParameters().get("0.weight");
        assertThat(w.shape()).containsExactly(2, 3);
        assertThat(w.value().strides()).containsExactly(1, 2);
        w.load(Tensor.fromArray(new float[] {1, 2, 3, -1, 0, 1}, 2, 3));
        assertThat(w.value().strides()).containsExactly(1, 2);
        assertThat(w.value().toArray()).containsExactly(1, 2, 3, -1, 0, 1);
        Tensor y = m.forward(Tensor.fromArray(new float[] {1, 1, 1}, 1, 3)).sub(m.namedParameters().get("0.bias").value());
        assertThat(y.toArray()).containsExactly(6f, 0f);
        w.set(Tensor.fromArray(new float[] {0, 0, 0, 0, 0, 0}, 2, 3)); // set replaces, layout and all
        assertThat(w.value().isContiguous()).isTrue();
    }
}

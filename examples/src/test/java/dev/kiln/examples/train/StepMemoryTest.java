package dev.kiln.examples.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.core.backend.Backends;
import dev.kiln.core.data.ArrayDataset;
import dev.kiln.core.nn.CrossEntropy;
import dev.kiln.core.tensor.Rng;
import dev.kiln.core.tensor.Tensor;
import dev.kiln.supervised.nn.Sequential;
import dev.kiln.supervised.optim.Adam;
import dev.kiln.supervised.train.EarlyStopping;
import dev.kiln.supervised.train.GradientTrainer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Recycling each training step's memory (tensor-cpu's memory scopes) changes no result: a model
 * with batch-norm buffers, dropout, Adam state and early stopping that restores the best weights
 * ends with the same bits as with recycling off, and its kept tensors stay readable.
 */
class StepMemoryTest {
    private static ArrayDataset blobs() {
        Rng rng = new Rng(3);
        float[][] centres = {{2, 0, 0, 1}, {0, 2, 0, -1}, {0, 0, 2, 0}};
        float[][] x = new float[300][4];
        int[] y = new int[300];
        for (int i = 0; i < x.length; i++) {
            y[i] = i % 3;
            for (int d = 0; d < 4; d++) {
                x[i][d] = (float) (centres[y[i]][d] + 0.9 * rng.nextGaussian());
            }
        }
        return ArrayDataset.ofLabels(x, y);
    }

    private static Map<String, float[]> train(boolean recycle) {
        var fitted = GradientTrainer.builder(rng -> Sequential.builder(4).dense(32).batchNorm().relu().dropout(0.2)
                        .dense(3).build(rng))
                .loss(new CrossEntropy()).optimizer(m -> new Adam(m, 0.02)).epochs(6).batchSize(16).seed(5)
                .validationSplit(0.2).listener(EarlyStopping.on("val_loss").patience(2).restoreBestWeights(true))
                .recycleStepMemory(recycle).build().train(blobs());
        Map<String, float[]> out = new LinkedHashMap<>();
        fitted.model().namedParameters().forEach((k, p) -> out.put(k, p.value().toArray()));
        fitted.model().buffers().forEach((k, t) -> out.put("buffer " + k, t.toArray()));
        return out;
    }

    @Test
    void recyclingStepMemoryGivesTheSameBits() {
        assertThat(Backends.current().name()).as("the backend that recycles").isEqualTo("cpu");
        Map<String, float[]> recycled = train(true);
        Map<String, float[]> plain = train(false);
        assertThat(recycled.keySet()).isEqualTo(plain.keySet()).contains("buffer 1.running_mean");
        plain.forEach((k, v) -> assertThat(recycled.get(k)).as(k).containsExactly(v));
    }
}

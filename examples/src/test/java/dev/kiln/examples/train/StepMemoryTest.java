package dev.kiln.examples.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.core.backend.Backends;
import dev.kiln.core.data.ArrayDataset;
import dev.kiln.core.nn.CrossEntropy;
import dev.kiln.core.tensor.Rng;
import dev.kiln.core.tensor.Tensor;
import dev.kiln.supervised.nn.Sequential;
import dev.kiln.supervised.optim.Adam;
import dev.kiln.supervised.optim.SGD;
import dev.kiln.supervised.train.EarlyStopping;
import dev.kiln.supervised.train.GradientTrainer;
import dev.kiln.core.train.TrainingContext;
import dev.kiln.core.train.TrainingListener;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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

    /** 8 x 8 one-channel images: a bright left half for class 0, right half for class 1. */
    private static ArrayDataset halves() {
        Rng rng = new Rng(9);
        int n = 96;
        float[] x = new float[n * 64];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 2;
            for (int p = 0; p < 64; p++) {
                boolean left = p % 8 < 4;
                x[i * 64 + p] = (left == (i % 2 == 0) && rng.nextDouble() < 0.7) ? (float) rng.nextDouble() : 0f;
            }
        }
        return new ArrayDataset(x, new int[] {1, 8, 8}, y, new int[0]);
    }

    @Test
    void aConvolutionalNetworkKeepsItsCachesAcrossRecycledSteps() {
        // Conv2D caches its im2col index tensor from the first step: it must survive the step's scope
        var fitted = GradientTrainer.builder(rng -> Sequential.builder(1, 8, 8).conv2d(4, 3, 1, 1).relu().maxPool2d(2)
                        .flatten().dense(2).build(rng))
                .loss(new CrossEntropy()).optimizer(m -> new Adam(m, 0.01)).epochs(3).batchSize(16).seed(3).build()
                .train(halves());
        assertThat(fitted.history().last().get("accuracy")).isGreaterThan(0.6);
    }

    @Test
    void recyclingStepMemoryGivesTheSameBits() {
        assertThat(Backends.current().name()).as("the backend that recycles").isEqualTo("cpu");
        Map<String, float[]> recycled = train(true);
        Map<String, float[]> plain = train(false);
        assertThat(recycled.keySet()).isEqualTo(plain.keySet()).contains("buffer 1.running_mean");
        plain.forEach((k, v) -> assertThat(recycled.get(k)).as(k).containsExactly(v));
    }

    @Test
    void weightsReplacedWithinAnEpochAreRecycledThoseAliveBetweenEpochsAreNot() {
        Sequential[] net = new Sequential[1];
        Tensor[] afterFirstStep = new Tensor[1];
        List<Tensor> atEpochEnds = new ArrayList<>();
        TrainingListener spy = new TrainingListener() {
            @Override
            public void onBatchEnd(TrainingContext context, int epoch, int batch, double loss) {
                if (epoch == 1 && batch == 1) {
                    afterFirstStep[0] = net[0].namedParameters().get("0.weight").value();
                }
            }

            @Override
            public void onEpochEnd(TrainingContext context, int epoch, Map<String, Double> metrics) {
                atEpochEnds.add(net[0].namedParameters().get("0.weight").value());
            }
        };
        GradientTrainer.builder(rng -> net[0] = Sequential.builder(4).dense(16).relu().dense(3).build(rng))
                .loss(new CrossEntropy()).optimizer(m -> new SGD(m, 0.05).momentum(0.9)).epochs(2).batchSize(32)
                .seed(6).build().train(blobs(), spy);
        // the second step replaced those weights and recycled them: reading them fails loudly
        assertThatThrownBy(() -> afterFirstStep[0].toArray()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("recycled");
        // weights alive at the end of an epoch stay readable (early stopping keeps them this way)
        assertThat(atEpochEnds).hasSize(2);
        assertThat(atEpochEnds.get(0).toArray()).isNotEqualTo(atEpochEnds.get(1).toArray());
    }
}

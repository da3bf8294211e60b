package dev.kiln.supervised.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.core.data.ArrayDataset;
import dev.kiln.core.nn.CrossEntropy;
import dev.kiln.core.nn.Loss;
import dev.kiln.core.nn.Parameter;
import dev.kiln.core.tensor.Tensor;
import dev.kiln.core.train.TrainingContext;
import dev.kiln.core.train.TrainingListener;
import dev.kiln.supervised.nn.Sequential;
import dev.kiln.supervised.optim.Adam;
import dev.kiln.supervised.optim.LrSchedule;
import dev.kiln.supervised.optim.SGD;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GradientTrainerTest {
    @TempDir
    Path dir;

    private static final ArrayDataset DATA = Blobs.make(240, 5, 0.8);

    private static GradientTrainerBuilder<Sequential> mlp() {
        return GradientTrainer.builder(rng -> Sequential.builder(4).dense(16).relu().dense(3).build(rng))
                .loss(new CrossEntropy()).optimizer(m -> new SGD(m, 0.1)).batchSize(16).seed(7);
    }

    /** With dropout and Adam, so resumption must restore optimizer moments and dropout streams too. */
    private static GradientTrainerBuilder<Sequential> mlpWithState() {
        return GradientTrainer.builder(rng -> Sequential.builder(4).dense(16).relu().dropout(0.2).dense(3).build(rng))
                .loss(new CrossEntropy()).optimizer(m -> new Adam(m, 0.01)).batchSize(16).seed(11)
                .validationSplit(0.25).lrSchedule(LrSchedule.step(0.01, 2, 0.5));
    }

    private static Map<String, float[]> weights(Sequential m) {
        Map<String, float[]> w = new LinkedHashMap<>();
        m.namedParameters().forEach((k, p) -> w.put(k, p.value().toArray()));
        return w;
    }

    private static void assertSameWeights(Sequential a, Sequential b) {
        Map<String, float[]> wa = weights(a);
        Map<String, float[]> wb = weights(b);
        assertThat(wb.keySet()).isEqualTo(wa.keySet());
        wa.forEach((k, v) -> assertThat(wb.get(k)).as(k).containsExactly(v));
    }

    @Test
    void learnsBlobsAndRecordsEveryMetricPerEpoch() throws Exception {
        Path history = dir.resolve("out").resolve("history.json");
        var fitted = mlp().epochs(8).validationSplit(0.25).historyFile(history).build().train(DATA);
        History h = fitted.history();
        assertThat(h.epochs()).hasSize(8);
        assertThat(h.last().metrics()).containsKeys("loss", "accuracy", "val_loss", "val_accuracy", "gap", "gap_trend",
                "lr", "seconds", "samples_per_s");
        assertThat(h.last().get("val_accuracy")).isGreaterThan(0.9);
        assertThat(h.series("loss")[7]).isLessThan(h.series("loss")[0]);
        assertThat(h.last().get("gap")).isEqualTo(h.last().get("val_loss") - h.last().get("loss"));
        assertThat(h.last().fit()).isNotNull();

        JsonNode json = new ObjectMapper().readTree(history.toFile());
        assertThat(json.get("seed").asLong()).isEqualTo(7);
        assertThat(json.get("epochs")).hasSize(8);
        JsonNode e3 = json.get("epochs").get(2);
        assertThat(e3.get("epoch").asInt()).isEqualTo(3);
        assertThat(e3.get("val_accuracy").asDouble()).isEqualTo(h.epochs().get(2).get("val_accuracy"));
        assertThat(e3.get("fit").asText()).isIn("underfitting", "good_fit", "overfitting");
        try (var files = Files.list(history.getParent())) {
            assertThat(files).containsExactly(history); // no temporary files left behind
        }
    }

    @Test
    void sameSeedGivesBitIdenticalWeightsAndAnotherSeedDoesNot() {
        Sequential a = mlp().epochs(2).build().fit(DATA);
        Sequential b = mlp().epochs(2).build().fit(DATA);
        Sequential c = mlp().epochs(2).seed(8).build().fit(DATA);
        assertSameWeights(a, b);
        assertThat(weights(c).get("0.weight")).isNotEqualTo(weights(a).get("0.weight"));
    }

    @Test
    void stepOptionsReachEveryBatch() {
        var plain = mlp().epochs(2).build().train(DATA);
        // a constant term moves no weight and adds exactly 1 to every batch loss
        var shifted = mlp().epochs(2).step(s -> s.extraLoss("one", (m, out, b) -> Tensor.scalar(1f))).build().train(DATA);
        assertSameWeights(plain.model(), shifted.model());
        assertThat(shifted.history().last().get("loss")).isCloseTo(plain.history().last().get("loss") + 1,
                org.assertj.core.api.Assertions.within(1e-6));
        var clipped = mlp().epochs(2).step(s -> s.clipGradNorm(1e-3)).build().fit(DATA);
        assertThat(weights(clipped).get("0.weight")).isNotEqualTo(weights(plain.model()).get("0.weight"));
    }

    @Test
    void accumulatingFourBatchesOfEightTrainsAsBatchesOfThirtyTwo() {
        var big = mlp().batchSize(32).epochs(2).build().train(DATA);
        List<Integer> steps = new ArrayList<>();
        var small = mlp().batchSize(8).gradientAccumulation(4).epochs(2).build().train(DATA, new TrainingListener() {
            @Override
            public void onBatchEnd(TrainingContext c, int epoch, int batch, double loss) {
                steps.add(batch);
            }
        });
        assertThat(steps).hasSize(2 * 8).endsWith(8); // 240 rows: 7 steps of 32 and one of 16, each epoch
        Map<String, float[]> wb = weights(big.model());
        weights(small.model()).forEach((k, v) ->
                assertThat(v).as(k).containsExactly(wb.get(k), org.assertj.core.api.Assertions.within(1e-5f)));
        assertThat(small.history().last().get("loss")).isCloseTo(big.history().last().get("loss"),
                org.assertj.core.api.Assertions.within(1e-5));
        assertThat(small.history().last().get("accuracy")).isEqualTo(big.history().last().get("accuracy"));
        assertThatThrownBy(() -> mlp().gradientAccumulation(0)).hasMessageContaining("must be positive, got 0");
    }

    @Test
    void resumingFromACheckpointEndsWithTheWeightsOfAnUninterruptedRun() throws Exception {
        Path ckpt = dir.resolve("ckpt");
        var full = mlpWithState().epochs(5).listener(new CheckpointListener(ckpt, 2)).build().train(DATA);
        assertThat(Files.exists(CheckpointListener.fileFor(ckpt, 2))).isTrue();
        assertThat(Files.exists(CheckpointListener.fileFor(ckpt, 4))).isTrue();
        assertThat(Files.exists(CheckpointListener.fileFor(ckpt, 5))).isTrue();
        assertThat(Files.exists(ckpt.resolve(CheckpointListener.FINAL))).isTrue();
        assertThat(CheckpointListener.latest(ckpt)).contains(CheckpointListener.fileFor(ckpt, 5));

        var resumed = mlpWithState().epochs(5).resumeFrom(CheckpointListener.fileFor(ckpt, 2)).build().train(DATA);
        assertSameWeights(full.model(), resumed.model());
        assertThat(resumed.history().epochs()).hasSize(5);
        assertThat(resumed.history().series("val_loss")).containsExactly(full.history().series("val_loss"));
        assertThat(resumed.history().series("lr")).containsExactly(0.01, 0.01, 0.005, 0.005, 0.0025);
    }

    @Test
    void resumingWithAnotherSeedOrModelFailsClearly() {
        Path ckpt = dir.resolve("c");
        mlp().epochs(1).listener(new CheckpointListener(ckpt, 1)).build().fit(DATA);
        Path file = CheckpointListener.fileFor(ckpt, 1);
        assertThatThrownBy(() -> mlp().seed(99).resumeFrom(file).build().fit(DATA))
                .hasMessageContaining("seed 7").hasMessageContaining("seed 99");
        var wider = GradientTrainer.builder(rng -> Sequential.builder(4).dense(17).relu().dense(3).build(rng))
                .loss(new CrossEntropy()).optimizer(m -> new SGD(m, 0.1)).seed(7).resumeFrom(file).build();
        assertThatThrownBy(() -> wider.fit(DATA)).hasMessageContaining("'0.weight' has shape [16, 4]");
    }

    /** Cross-entropy that turns NaN at one (epoch, batch), counted by training calls only. */
    private static final class PoisonedLoss implements Loss {
        private final CrossEntropy ce = new CrossEntropy();
        private final int batchesPerEpoch;
        private final int epoch;
        private final int batch;
        private int calls;

        PoisonedLoss(int batchesPerEpoch, int epoch, int batch) {
            this.batchesPerEpoch = batchesPerEpoch;
            this.epoch = epoch;
            this.batch = batch;
        }

        @Override
        public Tensor compute(Tensor prediction, Tensor target) {
            if (!dev.kiln.core.tensor.Autograd.isEnabled()) {
                return ce.compute(prediction, target);
            }
            calls++;
            Tensor l = ce.compute(prediction, target);
            return calls == (epoch - 1) * batchesPerEpoch + batch ? l.mul(Float.NaN) : l;
        }
    }

    @Test
    void aNanLossStopsTrainingNamingEpochAndBatchAndKeepsTheLastGoodCheckpoint() throws Exception {
        Path ckpt = dir.resolve("nan");
        int batches = 240 / 16;
        List<Map<String, float[]>> afterEpoch = new ArrayList<>();
        StateListener spy = new StateListener() {
            private TrainingState s;

            @Override
            public void attach(TrainingState state) {
                s = state;
            }

            @Override
            public void onEpochEnd(TrainingContext c, int epoch, Map<String, Double> m) {
                afterEpoch.add(weights((Sequential) s.model()));
            }
        };
        var trainer = mlp().epochs(5).loss(new PoisonedLoss(batches, 3, 4)).listener(new CheckpointListener(ckpt, 1))
                .listener(spy).historyFile(dir.resolve("history.json")).build();
        assertThatThrownBy(() -> trainer.fit(DATA)).isInstanceOf(TrainingDivergedException.class)
                .hasMessageContaining("NaN at epoch 3, batch 4")
                .satisfies(e -> assertThat(((TrainingDivergedException) e).epoch()).isEqualTo(3));
        assertThat(CheckpointListener.latest(ckpt)).contains(CheckpointListener.fileFor(ckpt, 2));
        assertThat(Files.exists(ckpt.resolve(CheckpointListener.FINAL))).isFalse();
        TrainingCheckpoint last = TrainingCheckpoint.read(CheckpointListener.fileFor(ckpt, 2));
        assertThat(last.epoch()).isEqualTo(2);
        afterEpoch.get(1).forEach((k, v) -> assertThat(last.parameters().get(k).toArray()).as(k).containsExactly(v));
        assertThat(History.fromJson(Files.readString(dir.resolve("history.json"))).epochs()).hasSize(2);
    }

    @Test
    void earlyStoppingStopsAfterPatienceAndRestoresTheBestWeights() {
        // lr 0: nothing improves after epoch 1, so training stops after 1 + patience epochs
        EarlyStopping stop = EarlyStopping.on("val_loss").patience(2).restoreBestWeights(true);
        var still = GradientTrainer.builder(rng -> Sequential.builder(4).dense(3).build(rng)).loss(new CrossEntropy())
                .optimizer(m -> new SGD(m, 0.0)).validationSplit(0.2).epochs(10).listener(stop).build().train(DATA);
        assertThat(still.history().epochs()).hasSize(3);
        assertThat(still.history().stopReason()).contains("val_loss did not improve").contains("(best ", "at epoch 1)");
        assertThat(stop.bestEpoch()).isEqualTo(1);

        // a huge learning rate makes validation loss worse after the first epochs: the best ones come back
        EarlyStopping stop2 = EarlyStopping.on("val_loss").patience(2).restoreBestWeights(true);
        List<Map<String, float[]>> afterEpoch = new ArrayList<>();
        StateListener spy = new StateListener() {
            private TrainingState s;

            @Override
            public void attach(TrainingState state) {
                s = state;
            }

            @Override
            public void onEpochEnd(TrainingContext c, int epoch, Map<String, Double> m) {
                afterEpoch.add(weights((Sequential) s.model()));
            }
        };
        var wild = mlp().optimizer(m -> new SGD(m, 3.0)).validationSplit(0.25).epochs(30).listener(spy).listener(stop2)
                .build().train(DATA);
        int best = stop2.bestEpoch();
        int ran = wild.history().epochs().size();
        assertThat(ran).isLessThan(30);
        assertThat(best).isEqualTo(ran - 2);
        assertThat(wild.history().restoredEpoch()).isEqualTo(best);
        afterEpoch.get(best - 1).forEach((k, v) ->
                assertThat(wild.model().namedParameters().get(k).value().toArray()).as(k).containsExactly(v));
    }

    @Test
    void earlyStoppingOnAMissingMetricNamesWhatExists() {
        var t = mlp().epochs(2).listener(EarlyStopping.on("val_loss")).build();
        assertThatThrownBy(() -> t.fit(DATA)).hasMessageContaining("'val_loss'").hasMessageContaining("give validation data");
    }

    @Test
    void listenersSeeEveryBatchAndEpoch() {
        List<String> events = new ArrayList<>();
        TrainingListener l = new TrainingListener() {
            @Override
            public void onTrainingStart(TrainingContext c) {
                events.add("start " + c.epochs() + "x" + c.batchesPerEpoch());
            }

            @Override
            public void onBatchEnd(TrainingContext c, int epoch, int batch, double loss) {
                if (batch == 15) {
                    events.add("batch " + epoch + "." + batch);
                }
            }

            @Override
            public void onEpochEnd(TrainingContext c, int epoch, Map<String, Double> metrics) {
                events.add("epoch " + epoch);
            }

            @Override
            public void onTrainingEnd(TrainingContext c) {
                events.add("end");
            }
        };
        mlp().epochs(2).listener(new ProgressBarListener(false)).build().fit(DATA, l);
        assertThat(events).containsExactly("start 2x15", "batch 1.15", "epoch 1", "batch 2.15", "epoch 2", "end");
    }

    @Test
    void builderRejectsMissingPieces() {
        assertThatThrownBy(() -> GradientTrainer.builder(rng -> Sequential.builder(4).dense(3).build(rng)).build())
                .hasMessageContaining("no loss");
        assertThatThrownBy(() -> mlp().epochs(0)).hasMessageContaining("epochs must be positive, got 0");
        assertThatThrownBy(() -> mlp().validationSplit(1.5)).hasMessageContaining("(0, 1)");
    }

    @Test
    void progressBarDrawsWhenForcedOn() {
        var fitted = mlp().epochs(1).listener(new ProgressBarListener(true)).build().train(DATA);
        assertThat(fitted.history().epochs()).hasSize(1);
        Parameter p = fitted.model().namedParameters().get("0.weight");
        for (float v : p.value().toArray()) {
            assertThat(Float.isFinite(v)).isTrue();
        }
    }
}

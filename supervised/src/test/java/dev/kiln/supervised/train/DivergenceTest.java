package dev.kiln.supervised.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.core.data.ArrayDataset;
import dev.kiln.core.nn.CrossEntropy;
import dev.kiln.core.nn.Model;
import dev.kiln.core.nn.Optimizer;
import dev.kiln.core.nn.Parameter;
import dev.kiln.core.tensor.Tensor;
import dev.kiln.core.train.TrainingContext;
import dev.kiln.supervised.nn.Sequential;
import dev.kiln.supervised.optim.Adam;
import dev.kiln.supervised.optim.AdamW;
import dev.kiln.supervised.optim.RMSProp;
import dev.kiln.supervised.optim.SGD;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Divergence is caught for every optimizer, naming the epoch and batch (issue 21). */
class DivergenceTest {
    private static final ArrayDataset DATA = Blobs.make(240, 5, 0.8);

    static Stream<Arguments> optimizers() {
        return Stream.of(
                Arguments.of("SGD", (BiFunction<Model, Double, Optimizer>) SGD::new),
                Arguments.of("Adam", (BiFunction<Model, Double, Optimizer>) Adam::new),
                Arguments.of("AdamW", (BiFunction<Model, Double, Optimizer>) AdamW::new),
                Arguments.of("RMSProp", (BiFunction<Model, Double, Optimizer>) RMSProp::new));
    }

    private static GradientTrainerBuilder<Sequential> mlp(BiFunction<Model, Double, Optimizer> opt, double lr) {
        return GradientTrainer.builder(rng -> Sequential.builder(4).dense(16).relu().dense(3).build(rng))
                .loss(new CrossEntropy()).optimizer(m -> opt.apply(m, lr)).batchSize(16).seed(7).epochs(5);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("optimizers")
    void aHugeLearningRateIsStoppedByTheGrowthLimitNamingEpochAndBatch(String name,
            BiFunction<Model, Double, Optimizer> opt) {
        // Adam-like optimizers at lr 1e6 stay finite (steps are bounded by lr): only the growth limit catches them
        var trainer = mlp(opt, 1e6).divergenceFactor(100).build();
        assertThatThrownBy(() -> trainer.fit(DATA)).as(name).isInstanceOf(TrainingDivergedException.class)
                .hasMessageMatching("(?s)training diverged: .* at epoch \\d+, batch \\d+ .*")
                .satisfies(e -> {
                    TrainingDivergedException d = (TrainingDivergedException) e;
                    assertThat(d.epoch()).isBetween(1, 5);
                    assertThat(d.batch()).isBetween(1, 15);
                    assertThat(d.getMessage()).contains("at epoch " + d.epoch() + ", batch " + d.batch());
                    assertThat(d.reason()).containsAnyOf("above the divergence limit", "NaN", "Infinity");
                });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("optimizers")
    void aNonFiniteLossStopsEveryOptimizerWithoutTheGrowthLimit(String name, BiFunction<Model, Double, Optimizer> opt) {
        // 1e30 makes the weights overflow a float within a few steps whatever the update rule
        var trainer = mlp(opt, 1e30).build();
        assertThatThrownBy(() -> trainer.fit(DATA)).as(name).isInstanceOf(TrainingDivergedException.class)
                .hasMessageMatching("(?s)training diverged: .*(NaN|Infinity).* at epoch \\d+, batch \\d+ .*");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("optimizers")
    void aSensibleLearningRateTrainsUnderTheGrowthLimit(String name, BiFunction<Model, Double, Optimizer> opt) {
        var fitted = mlp(opt, 0.01).epochs(3).divergenceFactor(10).build().train(DATA);
        assertThat(fitted.history().epochs()).as(name).hasSize(3);
        assertThat(fitted.history().last().get("loss")).isFinite();
    }

    @Test
    void theGrowthLimitIsMeasuredFromTheFirstBatch() {
        // with factor 1.0001 the very first rise stops training; reason names the limit
        var trainer = mlp(SGD::new, 5.0).divergenceFactor(1.0001).build();
        assertThatThrownBy(() -> trainer.fit(DATA)).isInstanceOf(TrainingDivergedException.class)
                .hasMessageContaining("above the divergence limit");
    }

    @Test
    void aBadFactorNamesItself() {
        assertThatThrownBy(() -> mlp(SGD::new, 0.1).divergenceFactor(0.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("divergence factor").hasMessageContaining("0.5");
        assertThatThrownBy(() -> mlp(SGD::new, 0.1).divergenceFactor(Double.NaN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NaN");
    }

    @Test
    void aNonFiniteWeightAfterTheLastUpdateOfAnEpochIsCaughtNamingTheParameter() {
        StateListener poison = new StateListener() {
            private TrainingState s;

            @Override
            public void attach(TrainingState state) {
                s = state;
            }

            @Override
            public void onBatchEnd(TrainingContext c, int epoch, int batch, double loss) {
                if (batch == c.batchesPerEpoch()) { // the epoch's last update: no later loss would show it
                    Parameter p = s.model().namedParameters().values().iterator().next();
                    float[] w = p.value().toArray();
                    w[0] = Float.NaN;
                    p.set(Tensor.fromArray(w, p.shape()));
                }
            }
        };
        var trainer = mlp(SGD::new, 0.1).epochs(1).listener(poison).build();
        assertThatThrownBy(() -> trainer.fit(DATA)).isInstanceOf(TrainingDivergedException.class)
                .hasMessageContaining("parameter '").hasMessageContaining("NaN or Inf")
                .hasMessageContaining("at epoch 1, batch 15");
    }

    @Test
    void zeroRowsAreAnErrorNotANaNLoss() {
        ArrayDataset empty = ArrayDataset.of(Tensor.zeros(0, 4), Tensor.zeros(0));
        assertThatThrownBy(() -> mlp(SGD::new, 0.1).build().fit(empty)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0 rows");
        // all rows held out for validation leaves none to train on
        ArrayDataset one = ArrayDataset.of(Tensor.zeros(1, 4), Tensor.zeros(1));
        assertThatThrownBy(() -> mlp(SGD::new, 0.1).validationSplit(0.5).build().fit(one))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rows");
        assertThatThrownBy(() -> ArrayDataset.ofLabels(new float[0][4], new int[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0 rows");
    }
}

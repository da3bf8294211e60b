package dev.kiln.supervised.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.core.data.Batch;
import dev.kiln.core.nn.CrossEntropy;
import dev.kiln.core.nn.MeanSquaredError;
import dev.kiln.core.nn.Optimizer;
import dev.kiln.core.nn.Parameter;
import dev.kiln.core.nn.Sgd;
import dev.kiln.core.tensor.Autograd;
import dev.kiln.core.tensor.Rng;
import dev.kiln.core.tensor.Tensor;
import dev.kiln.supervised.nn.Sequential;
import dev.kiln.supervised.optim.Adam;
import dev.kiln.supervised.optim.GradientClipping;
import dev.kiln.supervised.optim.SGD;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class TrainingStepTest {
    private static final Batch ALL = Blobs.make(32, 5, 0.8).batch(0, 32);

    private static Sequential mlp() {
        return Sequential.builder(4).dense(8).relu().dense(3).build(new Rng(1));
    }

    private static Map<String, float[]> weights(Sequential m) {
        Map<String, float[]> w = new LinkedHashMap<>();
        m.namedParameters().forEach((k, p) -> w.put(k, p.value().toArray()));
        return w;
    }

    private static void assertSameWeights(Sequential a, Sequential b) {
        weights(a).forEach((k, v) -> assertThat(weights(b).get(k)).as(k).containsExactly(v));
    }

    private static Batch rows(int from, int to) {
        return Blobs.make(32, 5, 0.8).batch(from, to);
    }

    @Test
    void aPlainStepIsTheHandWrittenLoopBitForBit() {
        Sequential byStep = mlp();
        Sequential byHand = mlp();
        TrainingStep<Batch> step = TrainingStep.supervised(byStep, new CrossEntropy(), new Adam(byStep, 0.01)).build();
        Adam adam = new Adam(byHand, 0.01);
        for (int s = 0; s < 3; s++) {
            TrainingStep.Result r = step.run(ALL);
            adam.zeroGrad();
            Tensor loss = new CrossEntropy().compute(byHand.forward(ALL.features()), ALL.targets());
            loss.backward();
            adam.step();
            assertThat(r.loss()).isEqualTo(loss.item()).isEqualTo(r.baseLoss());
            assertThat(r.terms()).isEmpty();
            assertThat(r.gradNorm()).isNaN(); // no clipping asked for
        }
        assertSameWeights(byStep, byHand);
        assertThat(step.steps()).isEqualTo(3);
    }

    @Test
    void extraLossTermsAreAddedBackPropagatedAndReportedByName() {
        Sequential byStep = mlp();
        Sequential byHand = mlp();
        TrainingStep.LossTerm<Batch> l2 = (m, out, b) -> m.namedParameters().get("0.weight").value().square().sum()
                .mul(0.01f);
        TrainingStep.LossTerm<Batch> confident = (m, out, b) -> out.softmax(1).square().sum(1, false).mean().neg();
        TrainingStep<Batch> step = TrainingStep.supervised(byStep, new CrossEntropy(), new SGD(byStep, 0.1))
                .extraLoss("l2", l2).extraLoss("confidence", confident).build();
        SGD sgd = new SGD(byHand, 0.1);
        TrainingStep.Result r = step.run(ALL);
        sgd.zeroGrad();
        Tensor out = byHand.forward(ALL.features());
        Tensor base = new CrossEntropy().compute(out, ALL.targets());
        Tensor a = l2.compute(byHand, out, ALL);
        Tensor c = confident.compute(byHand, out, ALL);
        Tensor total = base.add(a).add(c);
        total.backward();
        sgd.step();
        assertSameWeights(byStep, byHand);
        assertThat(r.loss()).isEqualTo(total.item());
        assertThat(r.baseLoss()).isEqualTo(base.item());
        assertThat(r.terms()).containsOnlyKeys("l2", "confidence");
        assertThat(r.terms().get("l2")).isEqualTo(a.item()).isPositive();
        assertThat(r.terms().get("confidence")).isEqualTo(c.item()).isNegative();
        assertThat(r.baseLoss() + r.terms().get("l2") + r.terms().get("confidence")).isCloseTo(r.loss(), within(1e-6));
    }

    @Test
    void lossTermsMustBeScalarsWithUniqueNames() {
        Sequential m = mlp();
        var b = TrainingStep.supervised(m, new CrossEntropy(), new SGD(m, 0.1)).extraLoss("l2", (x, out, y) -> out);
        assertThatThrownBy(() -> b.extraLoss("l2", (x, out, y) -> out.sum())).hasMessageContaining("'l2' given twice");
        assertThatThrownBy(() -> b.extraLoss(" ", (x, out, y) -> out.sum())).hasMessageContaining("needs a name");
        TrainingStep<Batch> step = b.build();
        assertThatThrownBy(() -> step.run(ALL)).hasMessageContaining("'l2' must be a scalar, got shape [32, 3]");
        TrainingStep<Batch> unreduced = TrainingStep.<Batch>builder(m, new SGD(m, 0.1), (x, y) -> x.forward(y.features()),
                (out, y) -> out, Batch::size).build();
        assertThatThrownBy(() -> unreduced.run(ALL)).hasMessageContaining("the loss must be a scalar, got shape [32, 3]");
    }

    /** One step with {@code micro} micro-batches against one step on all 32 rows at once. */
    private static void assertAccumulationMatchesOneBatch(Function<Sequential, Optimizer> optimizer, List<Batch> micro,
                                                          double tol) {
        Sequential accumulated = mlp();
        Sequential whole = mlp();
        TrainingStep<Batch> a = TrainingStep.supervised(accumulated, new CrossEntropy(), optimizer.apply(accumulated))
                .build();
        TrainingStep<Batch> w = TrainingStep.supervised(whole, new CrossEntropy(), optimizer.apply(whole)).build();
        for (int s = 0; s < 2; s++) {
            TrainingStep.Result ra = a.run(micro);
            TrainingStep.Result rw = w.run(ALL);
            assertThat(ra.microBatches()).isEqualTo(micro.size());
            assertThat(ra.samples()).isEqualTo(32);
            assertThat(ra.loss()).isCloseTo(rw.loss(), within(1e-6));
        }
        Map<String, float[]> wa = weights(accumulated);
        Map<String, float[]> ww = weights(whole);
        Map<String, float[]> w0 = weights(mlp());
        ww.forEach((k, v) -> {
            assertThat(wa.get(k)).as(k).containsExactly(v, within((float) tol));
            assertThat(v).as(k + " moved").isNotEqualTo(w0.get(k));
        });
    }

    @Test
    void accumulatingKMicroBatchesOfBRowsIsOneBatchOfKTimesBRows() {
        List<Batch> fourOfEight = List.of(rows(0, 8), rows(8, 16), rows(16, 24), rows(24, 32));
        assertAccumulationMatchesOneBatch(m -> new SGD(m, 0.5).momentum(0.9), fourOfEight, 1e-6);
        // Adam divides by sqrt(v): a gradient differing in its last bit moves a weight by ~lr * 1e-7 / |g|
        assertAccumulationMatchesOneBatch(m -> new Adam(m, 0.01), fourOfEight, 1e-5);
        // uneven micro-batches are weighted by their share of the rows
        assertAccumulationMatchesOneBatch(m -> new SGD(m, 0.5), List.of(rows(0, 5), rows(5, 16), rows(16, 32)), 1e-6);
    }

    @Test
    void aStepCanReadItsMicroBatchesFromAnIterator() {
        Sequential fromList = mlp();
        Sequential fromIterator = mlp();
        TrainingStep<Batch> a = TrainingStep.supervised(fromList, new CrossEntropy(), new SGD(fromList, 0.5)).build();
        TrainingStep<Batch> b = TrainingStep.supervised(fromIterator, new CrossEntropy(), new SGD(fromIterator, 0.5))
                .build();
        var source = List.of(rows(0, 8), rows(8, 16), rows(16, 24), rows(24, 32), rows(0, 4)).iterator();
        List<Integer> seen = new ArrayList<>();
        assertThat(b.run(source, 4, (batch, out) -> seen.add(out.shape(0))).microBatches()).isEqualTo(4);
        a.run(List.of(rows(0, 8), rows(8, 16), rows(16, 24), rows(24, 32)));
        assertSameWeights(fromList, fromIterator);
        assertThat(seen).containsExactly(8, 8, 8, 8);
        assertThat(b.run(source, 4, null).samples()).isEqualTo(4); // the source ran out: fewer micro-batches
        assertThatThrownBy(() -> b.run(source, 4, null)).hasMessageContaining("the source is exhausted");
        assertThatThrownBy(() -> b.run(source, 0, null)).hasMessageContaining("must be positive, got 0");
    }

    @Test
    void clippingRescalesTheAccumulatedGradientToTheGlobalNormAsClipGradNorm() {
        Sequential clipped = mlp();
        Sequential byHand = mlp();
        SGD sgd = new SGD(clipped, 1.0);
        TrainingStep<Batch> step = TrainingStep.supervised(clipped, new MeanSquaredError(), sgd).clipGradNorm(0.05)
                .build();
        assertThat(sgd.maxGradNorm()).isEqualTo(0.05);
        Tensor targets = Tensor.zeros(32, 3);
        Batch b = new Batch(ALL.features(), targets);
        TrainingStep.Result r = step.run(List.of(new Batch(ALL.features(), targets)));

        new MeanSquaredError().compute(byHand.forward(b.features()), targets).backward();
        double norm = GradientClipping.globalNorm(byHand.parameters());
        assertThat(r.gradNorm()).isCloseTo(norm, within(1e-6)).isGreaterThan(0.05);
        float scale = (float) (0.05 / (norm + 1e-6)); // torch.nn.utils.clip_grad_norm_
        Map<String, float[]> expected = new LinkedHashMap<>();
        try (var ignored = Autograd.noGrad()) {
            byHand.namedParameters().forEach((k, p) -> expected.put(k, p.value().sub(p.grad().mul(scale)).toArray()));
        }
        weights(clipped).forEach((k, v) -> assertThat(v).as(k).containsExactly(expected.get(k), within(1e-6f)));
    }

    @Test
    void clippingNeedsAnOptimizerThatClipsAndOneLimit() {
        Sequential m = mlp();
        assertThatThrownBy(() -> TrainingStep.supervised(m, new CrossEntropy(), new Sgd(m.parameters(), 0.1))
                .clipGradNorm(1).build()).hasMessageContaining("needs an optimizer from dev.kiln.supervised.optim");
        SGD sgd = new SGD(m, 0.1);
        sgd.clipGradNorm(2);
        assertThatThrownBy(() -> TrainingStep.supervised(m, new CrossEntropy(), sgd).clipGradNorm(1).build())
                .hasMessageContaining("already clips at 2.0");
        assertThatThrownBy(() -> TrainingStep.supervised(m, new CrossEntropy(), sgd).clipGradNorm(-1))
                .hasMessageContaining("got -1");
    }

    @Test
    void parameterGroupsMoveAtTheirOwnRatesWithSgdAndAdam() {
        for (int kind = 0; kind < 2; kind++) {
            Sequential m = mlp();
            var opt = kind == 0 ? new SGD(m, 1e-2) : new Adam(m, 1e-2);
            opt.group("backbone", n -> n.startsWith("0."), 1e-4);
            Map<String, float[]> before = weights(m);
            Map<String, float[]> grads = new LinkedHashMap<>();
            Sequential twin = mlp();
            new CrossEntropy().compute(twin.forward(ALL.features()), ALL.targets()).backward();
            twin.namedParameters().forEach((k, p) -> grads.put(k, p.grad().toArray()));
            TrainingStep.supervised(m, new CrossEntropy(), opt).build().run(ALL);
            for (String name : before.keySet()) {
                double lr = name.startsWith("0.") ? 1e-4 : 1e-2;
                float[] w0 = before.get(name);
                float[] w1 = m.namedParameters().get(name).value().toArray();
                for (int i = 0; i < w0.length; i++) {
                    float g = grads.get(name)[i];
                    // SGD moves by lr * g; Adam's first step by lr * sign(g) (m_hat / sqrt(v_hat) = g / |g|)
                    double expected = kind == 0 ? lr * g : Math.abs(g) < 1e-6 ? 0 : lr * Math.signum(g);
                    assertThat((double) (w0[i] - w1[i])).as("%s %s[%d]", opt, name, i)
                            .isCloseTo(expected, within(kind == 0 ? 1e-7 : lr * 1e-2 + 1e-7));
                }
            }
        }
    }

    @Test
    void aScheduleScalesEveryGroupAndStateStillRoundTripsExactly() {
        Sequential a = mlp();
        Adam first = new Adam(a, 1e-2);
        first.group("backbone", n -> n.startsWith("0."), 1e-4);
        dev.kiln.supervised.optim.LrSchedule.step(1e-2, 1, 0.5).applyTo(first, 1);
        assertThat(first.learningRates()).containsEntry("0.weight", 0.5e-4).containsEntry("2.weight", 0.5e-2);
        TrainingStep<Batch> sa = TrainingStep.supervised(a, new CrossEntropy(), first).build();
        sa.run(ALL);
        sa.run(ALL);

        Sequential b = mlp();
        b.namedParameters().forEach((k, p) -> p.set(a.namedParameters().get(k).value()));
        Adam second = new Adam(b, 1e-2);
        second.group("backbone", n -> n.startsWith("0."), 1e-4);
        second.learningRate(first.learningRate());
        second.loadState(new LinkedHashMap<>(first.state()));
        assertThat(second.state().keySet()).isEqualTo(first.state().keySet()); // groups add no state keys
        TrainingStep<Batch> sb = TrainingStep.supervised(b, new CrossEntropy(), second).build();
        for (int s = 0; s < 2; s++) {
            sa.run(ALL);
            sb.run(ALL);
        }
        assertSameWeights(a, b);
    }

    @Test
    void groupsAreCheckedByName() {
        Sequential m = mlp();
        SGD sgd = new SGD(m, 0.1);
        sgd.group("backbone", n -> n.startsWith("0."), 1e-3);
        assertThatThrownBy(() -> sgd.group("weights", n -> n.endsWith("weight"), 1e-3))
                .hasMessageContaining("'0.weight' is already in group 'backbone'");
        assertThatThrownBy(() -> sgd.group("none", n -> n.startsWith("9."), 1e-3))
                .hasMessageContaining("group 'none' matches no parameter of [0.weight, 0.bias, 2.weight, 2.bias]");
        assertThatThrownBy(() -> sgd.group("head", n -> n.startsWith("2."), -1)).hasMessageContaining("got -1");
        assertThatThrownBy(() -> new SGD(m, 0).group("head", n -> true, 1e-3))
                .hasMessageContaining("learning rate > 0 to scale from, got 0.0");
    }

    @Test
    void frozenParametersStayBitForBitAndKeepNoState() {
        Sequential m = mlp();
        m.namedParameters().get("0.weight").freeze();
        m.namedParameters().get("0.bias").freeze();
        Map<String, float[]> before = weights(m);
        Adam adam = new Adam(m, 0.05);
        TrainingStep<Batch> step = TrainingStep.supervised(m, new CrossEntropy(), adam).clipGradNorm(1)
                .recycleStepMemory(true).build();
        for (int s = 0; s < 3; s++) {
            step.run(List.of(rows(0, 16), rows(16, 32)));
        }
        Map<String, float[]> after = weights(m);
        assertThat(after.get("0.weight")).containsExactly(before.get("0.weight"));
        assertThat(after.get("0.bias")).containsExactly(before.get("0.bias"));
        assertThat(after.get("2.weight")).isNotEqualTo(before.get("2.weight"));
        assertThat(adam.state().keySet()).containsExactly("step", "exp_avg.2.weight", "exp_avg.2.bias",
                "exp_avg_sq.2.weight", "exp_avg_sq.2.bias");
    }

    @Test
    void aNonFiniteLossStopsBeforeTheWeightsMoveNamingThePart() {
        Sequential m = mlp();
        Map<String, float[]> before = weights(m);
        TrainingStep<Batch> step = TrainingStep.supervised(m, new CrossEntropy(), new SGD(m, 0.1))
                .extraLoss("bad", (x, out, b) -> out.sum().mul(Float.NaN)).build();
        assertThatThrownBy(() -> step.run(ALL)).isInstanceOf(TrainingDivergedException.class)
                .hasMessageContaining("at step 1").hasMessageContaining("the loss term 'bad' is not finite");
        weights(m).forEach((k, v) -> assertThat(v).as(k).containsExactly(before.get(k)));
    }

    @Test
    void anyBatchTypeCanBeStepped() {
        // a regression on pairs (x, y) with its own forward and objective, as DQN and REINFORCE use it
        record Pair(Tensor x, Tensor y) {
        }
        Parameter w = new Parameter("w", Tensor.zeros(1, 1));
        dev.kiln.core.nn.Model linear = new dev.kiln.core.nn.Model() {
            @Override
            public Tensor forward(Tensor input) {
                return input.matmul(w.value());
            }

            @Override
            public Map<String, Parameter> namedParameters() {
                return Map.of("w", w);
            }

            @Override
            public void train(boolean training) {
            }

            @Override
            public boolean isTraining() {
                return true;
            }
        };
        TrainingStep<Pair> step = TrainingStep.<Pair>builder(linear, new SGD(linear, 0.1), (m, p) -> m.forward(p.x()),
                (out, p) -> out.sub(p.y()).square().mean(), p -> p.x().shape(0)).build();
        List<Double> losses = new ArrayList<>();
        Pair data = new Pair(Tensor.fromArray(new float[] {1, 2}, 2, 1), Tensor.fromArray(new float[] {2, 4}, 2, 1));
        for (int s = 0; s < 50; s++) {
            losses.add(step.run(data).loss());
        }
        assertThat(losses.get(0)).isCloseTo(10.0, within(1e-6)); // ((0-2)^2 + (0-4)^2) / 2
        assertThat(w.value().item()).isCloseTo(2f, within(1e-4f));
        assertThatThrownBy(() -> step.run(List.of())).hasMessageContaining("no micro-batches");
    }

    @Test
    void recyclingNeedsTheOptimizerToUpdateOnlyTheModelsParameters() {
        Sequential m = mlp();
        Parameter stray = new Parameter("stray", Tensor.zeros(2));
        List<Parameter> all = new ArrayList<>(m.parameters());
        all.add(stray);
        var b = TrainingStep.supervised(m, new CrossEntropy(), new SGD(all, 0.1));
        b.build(); // without recycling nothing is freed, so it is allowed
        assertThatThrownBy(() -> b.recycleStepMemory(true).build())
                .hasMessageContaining("Parameter(stray, [2])").hasMessageContaining("not a parameter of the model");
    }
}

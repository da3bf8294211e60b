package dev.kiln.supervised.train;

import dev.kiln.core.backend.Backend;
import dev.kiln.core.backend.MemoryScope;
import dev.kiln.core.data.Batch;
import dev.kiln.core.nn.Loss;
import dev.kiln.core.nn.Model;
import dev.kiln.core.nn.Optimizer;
import dev.kiln.core.nn.Parameter;
import dev.kiln.core.tensor.Shape;
import dev.kiln.core.tensor.Tensor;
import dev.kiln.supervised.nn.HasBuffers;
import dev.kiln.supervised.optim.AbstractOptimizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.ToIntFunction;

/**
 * One optimizer step, the part every gradient learner shares: forward, loss (plus any extra
 * terms), backward, optimizer step. {@link GradientTrainer}, DQN and REINFORCE run it; a
 * semi-supervised or fine-tuning trainer builds its own with its own batch type {@code B}.
 *
 * <pre>{@code
 * TrainingStep<Batch> step = TrainingStep.supervised(model, new CrossEntropy(), new Adam(model, 1e-3))
 *         .extraLoss("l2", (m, out, b) -> m.parameters().get(0).value().square().sum().mul(1e-4f))
 *         .clipGradNorm(1.0)
 *         .build();
 * TrainingStep.Result r = step.run(batch);              // r.loss() = r.baseLoss() + r.terms().get("l2")
 * step.run(List.of(b1, b2, b3, b4));                    // gradient accumulation: one step over 4 micro-batches
 * }</pre>
 *
 * <ul>
 *   <li><b>Accumulation</b>: {@link #run(List)} back-propagates every micro-batch before one optimizer
 *   step, each loss weighted by its share of the samples, so for a mean loss k micro-batches of b
 *   rows give the gradient of one batch of k·b rows (up to float rounding).
 *   <li><b>Clipping</b> by global norm, as {@code torch.nn.utils.clip_grad_norm_}: the optimizer's own
 *   {@link AbstractOptimizer#clipGradNorm(double)}, the one implementation, which scales the gradients
 *   as it reads them after the last micro-batch.
 *   <li><b>Parameter groups</b> with their own learning rates are an optimizer setting
 *   ({@link AbstractOptimizer#group}); <b>frozen</b> parameters get no gradient, so the optimizer skips them.
 *   <li><b>Step memory</b> ({@link Builder#recycleStepMemory(boolean)}): each step's temporary tensors give
 *   their memory back when it ends; what the next step needs is kept: the model's parameters and
 *   {@link HasBuffers buffers} and the optimizer's {@link Optimizer#stateTensors() state}.
 * </ul>
 *
 * <p>A non-finite loss throws {@link TrainingDivergedException} before its backward pass, so the bad
 * batch never reaches the weights. A step is not thread-safe.
 */
public final class TrainingStep<B> {
    /** The model's output for a batch, e.g. {@code (m, b) -> m.forward(b.features())}. */
    @FunctionalInterface
    public interface Forward<B> {
        Tensor apply(Model model, B batch);
    }

    /** The base loss of an output, a scalar tensor, e.g. {@code (out, b) -> loss.compute(out, b.targets())}. */
    @FunctionalInterface
    public interface Objective<B> {
        Tensor loss(Tensor output, B batch);
    }

    /** An extra loss term, a scalar tensor added to the base loss: a penalty, a consistency term. */
    @FunctionalInterface
    public interface LossTerm<B> {
        Tensor compute(Model model, Tensor output, B batch);
    }

    /**
     * Sees each micro-batch's output after the optimizer step, inside the step (to count accuracy,
     * say); with step memory recycled the output must not be kept past the call.
     */
    @FunctionalInterface
    public interface OutputObserver<B> {
        void accept(B batch, Tensor output);
    }

    /**
     * What a step measured: the total loss (base plus terms), the base loss and each term by name, each
     * the sample-weighted mean over the micro-batches; the global gradient norm before clipping (NaN
     * when clipping is off).
     */
    public record Result(double loss, double baseLoss, Map<String, Double> terms, int microBatches, int samples,
                         double gradNorm) {
    }

    private final Model model;
    private final Optimizer optimizer;
    private final Forward<B> forward;
    private final Objective<B> objective;
    private final ToIntFunction<? super B> size;
    private final List<String> termNames;
    private final List<LossTerm<B>> terms;
    private final boolean clipping;
    private final Backend backend;
    private Set<Tensor> keptByLastStep = identitySet();
    private long steps;
    private double lossCeiling = Double.POSITIVE_INFINITY;

    private TrainingStep(Builder<B> b) {
        this.model = b.model;
        this.optimizer = b.optimizer;
        this.forward = b.forward;
        this.objective = b.objective;
        this.size = b.size;
        this.termNames = List.copyOf(b.terms.keySet());
        this.terms = List.copyOf(b.terms.values());
        this.clipping = optimizer instanceof AbstractOptimizer ao && ao.maxGradNorm() > 0;
        List<Parameter> params = model.parameters();
        this.backend = b.recycle && !params.isEmpty() ? params.get(0).value().backend() : null;
    }

    /** A step for labelled batches: {@code loss.compute(model.forward(features), targets)}. */
    public static Builder<Batch> supervised(Model model, Loss loss, Optimizer optimizer) {
        Objects.requireNonNull(loss, "loss");
        return new Builder<>(model, optimizer, (m, b) -> m.forward(b.features()), (out, b) -> loss.compute(out, b.targets()),
                Batch::size);
    }

    /** A step for any batch type; {@code size} counts a batch's samples (to weight accumulated micro-batches). */
    public static <B> Builder<B> builder(Model model, Optimizer optimizer, Forward<B> forward, Objective<B> objective,
                                         ToIntFunction<? super B> size) {
        return new Builder<>(model, optimizer, forward, objective, size);
    }

    /** One optimizer step on one batch. */
    public Result run(B batch) {
        return run(List.of(batch), null);
    }

    /** One optimizer step on the gradients of all {@code microBatches} (gradient accumulation). */
    public Result run(List<B> microBatches) {
        return run(microBatches, null);
    }

    /** As {@link #run(List)}, showing each micro-batch's output to {@code observer} (may be null). */
    public Result run(List<B> microBatches, OutputObserver<B> observer) {
        if (microBatches.isEmpty()) {
            throw new IllegalArgumentException("training step: no micro-batches given");
        }
        MemoryScope scope = backend != null ? backend.memoryScope() : MemoryScope.NONE;
        try {
            return runIn(microBatches, observer);
        } finally {
            keepAcrossSteps(scope);
            scope.close();
        }
    }

    /**
     * One optimizer step on the next {@code microBatches} batches of {@code source} (fewer when it
     * runs out first). They are read inside the step's memory scope, so the tensors a data loader
     * creates for each batch are recycled with the step's own and the next batch lands in warm
     * memory (with the mnist-mlp-epoch bench, 4% of an epoch's time).
     */
    public Result run(Iterator<? extends B> source, int microBatches, OutputObserver<B> observer) {
        if (microBatches <= 0) {
            throw new IllegalArgumentException("training step: micro-batches per step must be positive, got "
                    + microBatches);
        }
        if (!source.hasNext()) {
            throw new IllegalArgumentException("training step: no micro-batches given (the source is exhausted)");
        }
        MemoryScope scope = backend != null ? backend.memoryScope() : MemoryScope.NONE;
        try {
            List<B> micro = new ArrayList<>(microBatches);
            while (micro.size() < microBatches && source.hasNext()) {
                micro.add(source.next());
            }
            return runIn(micro, observer);
        } finally {
            keepAcrossSteps(scope);
            scope.close();
        }
    }

    private Result runIn(List<B> micro, OutputObserver<B> observer) {
        steps++;
        int[] sizes = new int[micro.size()];
        int samples = 0;
        for (int i = 0; i < sizes.length; i++) {
            sizes[i] = size.applyAsInt(micro.get(i));
            if (sizes[i] <= 0) {
                throw new IllegalArgumentException("training step: micro-batch " + i + " has " + sizes[i] + " samples");
            }
            samples += sizes[i];
        }
        boolean single = sizes.length == 1;
        double loss = 0;
        double base = 0;
        double[] termSums = new double[terms.size()];
        Tensor[] outputs = observer == null ? null : new Tensor[sizes.length];
        optimizer.zeroGrad();
        for (int i = 0; i < sizes.length; i++) {
            B b = micro.get(i);
            Tensor out = forward.apply(model, b);
            Tensor baseLoss = objective.loss(out, b);
            if (baseLoss.numel() != 1) {
                throw new IllegalArgumentException("training step: the loss must be a scalar, got shape "
                        + Shape.str(baseLoss.shape()));
            }
            Tensor total = baseLoss;
            Tensor[] parts = terms.isEmpty() ? null : new Tensor[terms.size()];
            for (int t = 0; t < terms.size(); t++) {
                parts[t] = terms.get(t).compute(model, out, b);
                if (parts[t].numel() != 1) {
                    throw new IllegalArgumentException("training step: loss term '" + termNames.get(t)
                            + "' must be a scalar, got shape " + Shape.str(parts[t].shape()));
                }
                total = total.add(parts[t]);
            }
            float value = total.item();
            if (!Float.isFinite(value)) {
                throw new TrainingDivergedException(steps, nonFinitePart(baseLoss, parts), value);
            }
            if (value > lossCeiling) { // checked before backward, like a NaN: the weights keep their last good state
                throw TrainingDivergedException.above(steps, value, lossCeiling);
            }
            // a micro-batch's share of the samples: the accumulated gradient is that of their union's mean loss
            double weight = single ? 1 : (double) sizes[i] / samples;
            (single ? total : total.mul((float) weight)).backward();
            loss += single ? value : weight * value;
            if (parts != null) {
                base += weight * baseLoss.item();
                for (int t = 0; t < parts.length; t++) {
                    termSums[t] += weight * parts[t].item();
                }
            }
            if (outputs != null) {
                outputs[i] = out;
            }
        }
        optimizer.step();
        if (outputs != null) {
            for (int i = 0; i < outputs.length; i++) {
                observer.accept(micro.get(i), outputs[i]);
            }
        }
        Map<String, Double> byName = Map.of();
        if (!terms.isEmpty()) {
            Map<String, Double> m = new LinkedHashMap<>();
            for (int t = 0; t < termSums.length; t++) {
                m.put(termNames.get(t), termSums[t]);
            }
            byName = Collections.unmodifiableMap(m);
        } else {
            base = loss;
        }
        double norm = clipping ? ((AbstractOptimizer) optimizer).lastGradNorm() : Double.NaN;
        return new Result(loss, base, byName, sizes.length, samples, norm);
    }

    /**
     * Stops training with {@link TrainingDivergedException} when a micro-batch's loss exceeds
     * {@code ceiling} (checked before its backward pass). A NaN/Inf loss is always an error; this
     * also catches a run that blows up to large but finite losses, as Adam does at a huge learning
     * rate (its steps are bounded by the rate, so the loss grows without overflowing).
     * {@link GradientTrainer} sets it from {@link GradientTrainerBuilder#divergenceFactor(double)};
     * default {@code +Infinity} (off).
     */
    public void lossCeiling(double ceiling) {
        if (Double.isNaN(ceiling)) {
            throw new IllegalArgumentException("training step: loss ceiling must be a number, got NaN");
        }
        this.lossCeiling = ceiling;
    }

    private String nonFinitePart(Tensor base, Tensor[] parts) {
        if (parts == null || !Float.isFinite(base.item())) {
            return "the base loss";
        }
        for (int t = 0; t < parts.length; t++) {
            if (!Float.isFinite(parts[t].item())) {
                return "the loss term '" + termNames.get(t) + "'";
            }
        }
        return "the sum of the loss terms";
    }

    /**
     * What a step leaves for the next: parameter values, optimizer state and layer buffers. The
     * gradients are recycled with the rest, so they are cleared (the next step sets new ones). What
     * the previous step kept and this one replaced (the old weights, the old momentum) is recycled
     * too, so the optimizer's next update writes into warm memory; values alive before the last
     * {@link #resetRecycling()} are never taken back.
     */
    private void keepAcrossSteps(MemoryScope scope) {
        if (scope == MemoryScope.NONE) {
            return;
        }
        Set<Tensor> kept = identitySet();
        for (Parameter p : model.parameters()) {
            kept.add(p.value());
            p.zeroGrad();
        }
        kept.addAll(optimizer.stateTensors());
        if (model instanceof HasBuffers hb) {
            kept.addAll(hb.buffers().values());
        }
        for (Tensor old : keptByLastStep) {
            if (!kept.contains(old)) {
                scope.adopt(old);
            }
        }
        scope.keep(kept.toArray(Tensor[]::new)); // after adopt: a storage both adopted and kept survives
        keptByLastStep = kept;
    }

    /**
     * Forgets what earlier steps kept, so later steps never recycle a value alive now: the trainer
     * calls it at each epoch start, and a listener may hold a weight from one epoch to the next.
     */
    public void resetRecycling() {
        keptByLastStep = identitySet();
    }

    /** Steps run so far. */
    public long steps() {
        return steps;
    }

    public Model model() {
        return model;
    }

    public Optimizer optimizer() {
        return optimizer;
    }

    private static Set<Tensor> identitySet() {
        return Collections.newSetFromMap(new IdentityHashMap<>());
    }

    /** Options of a {@link TrainingStep}; defaults: no extra terms, no clipping, no memory recycling. */
    public static final class Builder<B> {
        private final Model model;
        private final Optimizer optimizer;
        private final Forward<B> forward;
        private final Objective<B> objective;
        private final ToIntFunction<? super B> size;
        private final Map<String, LossTerm<B>> terms = new LinkedHashMap<>();
        private double maxGradNorm;
        private boolean recycle;

        private Builder(Model model, Optimizer optimizer, Forward<B> forward, Objective<B> objective,
                        ToIntFunction<? super B> size) {
            this.model = Objects.requireNonNull(model, "model");
            this.optimizer = Objects.requireNonNull(optimizer, "optimizer");
            this.forward = Objects.requireNonNull(forward, "forward");
            this.objective = Objects.requireNonNull(objective, "objective");
            this.size = Objects.requireNonNull(size, "size");
        }

        /** Adds {@code term} to the loss; results report it under {@code name}. Terms add in the order given. */
        public Builder<B> extraLoss(String name, LossTerm<B> term) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("training step: a loss term needs a name, got '" + name + "'");
            }
            if (terms.containsKey(name)) {
                throw new IllegalArgumentException("training step: loss term '" + name + "' given twice");
            }
            terms.put(name, Objects.requireNonNull(term, "loss term " + name));
            return this;
        }

        /** Rescales the gradients before each step so their global L2 norm is at most {@code maxNorm}; 0: off. */
        public Builder<B> clipGradNorm(double maxNorm) {
            if (!(maxNorm >= 0) || Double.isInfinite(maxNorm)) {
                throw new IllegalArgumentException("training step: max gradient norm must be >= 0 and finite, got "
                        + maxNorm);
            }
            this.maxGradNorm = maxNorm;
            return this;
        }

        /**
         * Whether each step's temporary tensors give their memory back for the next step (see
         * {@link MemoryScope}). Only for a model whose parameters, buffers and optimizer state are
         * all a step carries forward: a model sharing weights with another one (a DQN target
         * network) or a caller holding a step's tensors must leave it off.
         */
        public Builder<B> recycleStepMemory(boolean recycle) {
            this.recycle = recycle;
            return this;
        }

        public TrainingStep<B> build() {
            if (maxGradNorm > 0) {
                if (!(optimizer instanceof AbstractOptimizer ao)) {
                    throw new IllegalArgumentException("training step: clipGradNorm needs an optimizer from "
                            + "dev.kiln.supervised.optim, got " + optimizer.getClass().getName());
                }
                if (ao.maxGradNorm() > 0 && ao.maxGradNorm() != maxGradNorm) {
                    throw new IllegalArgumentException("training step: clipGradNorm(" + maxGradNorm
                            + ") but the optimizer already clips at " + ao.maxGradNorm());
                }
                ao.clipGradNorm(maxGradNorm);
            }
            if (recycle) {
                // an optimizer parameter outside the model would not be kept and its value recycled
                Set<Parameter> owned = Collections.newSetFromMap(new IdentityHashMap<>());
                owned.addAll(model.parameters());
                for (Parameter p : optimizer.parameters()) {
                    if (!owned.contains(p)) {
                        throw new IllegalArgumentException("training step: the optimizer updates " + p
                                + ", which is not a parameter of the model; recycling step memory would free it");
                    }
                }
            }
            return new TrainingStep<>(this);
        }
    }

    @Override
    public String toString() {
        return "TrainingStep(" + optimizer.getClass().getSimpleName() + (termNames.isEmpty() ? "" : ", terms " + termNames)
                + (clipping ? ", clip " + ((AbstractOptimizer) optimizer).maxGradNorm() : "") + ")";
    }
}

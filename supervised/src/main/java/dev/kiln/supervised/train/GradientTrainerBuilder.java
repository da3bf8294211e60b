package dev.kiln.supervised.train;

import dev.kiln.core.data.Batch;
import dev.kiln.core.data.Dataset;
import dev.kiln.core.nn.Loss;
import dev.kiln.core.nn.Model;
import dev.kiln.core.nn.Optimizer;
import dev.kiln.core.tensor.Rng;
import dev.kiln.core.train.TrainingListener;
import dev.kiln.supervised.optim.LrSchedule;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/** Hyper-parameters of a {@link GradientTrainer}; defaults: 10 epochs, batch 64, seed 42, no validation. */
public final class GradientTrainerBuilder<M extends Model> {
    private final Function<Rng, M> model;
    private String modelConfig;
    private Loss loss;
    private Function<? super M, ? extends Optimizer> optimizer;
    private LrSchedule schedule;
    private int epochs = 10;
    private int batchSize = 64;
    private int evalBatchSize = 1000;
    private long seed = 42;
    private double validationFraction;
    private Dataset validation;
    private final List<TrainingListener> listeners = new ArrayList<>();
    private Path historyFile;
    private Path resumeFrom;
    private boolean recycleStepMemory = true;
    private Consumer<TrainingStep.Builder<Batch>> stepOptions;
    private int accumulation = 1;
    private double divergenceFactor; // 0: off

    GradientTrainerBuilder(Function<Rng, M> model) {
        this.model = Objects.requireNonNull(model, "model factory");
    }

    /** A description of the model saved in checkpoints (e.g. JSON); defaults to the model's {@code toString()}. */
    public GradientTrainerBuilder<M> modelConfig(String config) {
        this.modelConfig = config;
        return this;
    }

    public GradientTrainerBuilder<M> loss(Loss loss) {
        this.loss = Objects.requireNonNull(loss, "loss");
        return this;
    }

    /** Creates the optimizer for the freshly built model, e.g. {@code m -> new SGD(m, 0.01)}. */
    public GradientTrainerBuilder<M> optimizer(Function<? super M, ? extends Optimizer> factory) {
        this.optimizer = Objects.requireNonNull(factory, "optimizer factory");
        return this;
    }

    /** Sets the learning rate before each epoch to {@code schedule.at(epoch - 1)}. */
    public GradientTrainerBuilder<M> lrSchedule(LrSchedule schedule) {
        this.schedule = schedule;
        return this;
    }

    public GradientTrainerBuilder<M> epochs(int epochs) {
        this.epochs = positive("epochs", epochs);
        return this;
    }

    public GradientTrainerBuilder<M> batchSize(int batchSize) {
        this.batchSize = positive("batch size", batchSize);
        return this;
    }

    /** Batch size for validation passes (no gradients, so larger is fine); default 1000. */
    public GradientTrainerBuilder<M> evalBatchSize(int size) {
        this.evalBatchSize = positive("evaluation batch size", size);
        return this;
    }

    public GradientTrainerBuilder<M> seed(long seed) {
        this.seed = seed;
        return this;
    }

    /** Holds out a seeded random fraction of the training data for validation. */
    public GradientTrainerBuilder<M> validationSplit(double fraction) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("validation split must be in (0, 1), got " + fraction);
        }
        this.validationFraction = fraction;
        this.validation = null;
        return this;
    }

    /** Validates on this dataset after every epoch. */
    public GradientTrainerBuilder<M> validation(Dataset data) {
        this.validation = Objects.requireNonNull(data, "validation data");
        this.validationFraction = 0;
        return this;
    }

    /** Adds a listener (progress bar, early stopping, checkpoints); they run in the order added. */
    public GradientTrainerBuilder<M> listener(TrainingListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    /** Writes every epoch's metrics to this JSON file (atomically, after each epoch). */
    public GradientTrainerBuilder<M> historyFile(Path file) {
        this.historyFile = file;
        return this;
    }

    /**
     * Whether each training step's temporary tensors give their memory back for the next step
     * (default true; see {@link dev.kiln.core.backend.MemoryScope}). The model's parameters and
     * {@link dev.kiln.supervised.nn.HasBuffers buffers} and the optimizer's state are kept, and the
     * values a step replaced are recycled too unless they were alive at the start of the epoch; turn
     * this off for a model that carries other tensors from one step to the next, or a listener that
     * holds a weight tensor from one batch to a later one.
     */
    public GradientTrainerBuilder<M> recycleStepMemory(boolean recycle) {
        this.recycleStepMemory = recycle;
        return this;
    }

    /**
     * Sets options of each step: extra loss terms, gradient clipping, e.g.
     * {@code .step(s -> s.extraLoss("l2", penalty).clipGradNorm(1.0))}. Memory recycling stays
     * {@link #recycleStepMemory(boolean)}'s.
     */
    public GradientTrainerBuilder<M> step(Consumer<TrainingStep.Builder<Batch>> options) {
        this.stepOptions = Objects.requireNonNull(options, "step options");
        return this;
    }

    /**
     * Accumulates the gradients of {@code k} batches before each optimizer step, each weighted by its
     * rows (see {@link TrainingStep#run(java.util.Iterator, int, TrainingStep.OutputObserver)}): with a
     * mean loss, batch size b and k steps are one step on k·b rows, in the memory of b. Listeners
     * then see one "batch" per optimizer step. Default 1.
     */
    public GradientTrainerBuilder<M> gradientAccumulation(int k) {
        this.accumulation = positive("gradient accumulation", k);
        return this;
    }

    /**
     * Stops training with {@link TrainingDivergedException} (naming the epoch and batch) when a
     * batch's loss exceeds {@code factor} times the first batch loss of this run, checked before the
     * batch's update. A NaN or infinite loss always stops training; this catches the runs that blow
     * up to large but finite losses (Adam at learning rate 1e6 reaches loss 1e13 without overflowing).
     * Off by default, because no factor is right for every loss: a run may start near its optimum
     * (fine-tuning, a resumed run: the reference is the first batch after resuming) and a noisy
     * batch can legitimately be many times the first. 100 to 1000 suits a fresh cross-entropy
     * run. Skipped when the first loss is not positive (a loss that can be negative has no scale).
     * {@code 0} turns it off.
     */
    public GradientTrainerBuilder<M> divergenceFactor(double factor) {
        if (factor != 0 && !(factor > 1 && Double.isFinite(factor))) {
            throw new IllegalArgumentException("gradient trainer: divergence factor must be > 1 and finite (or 0 for"
                    + " off), got " + factor);
        }
        this.divergenceFactor = factor;
        return this;
    }

    /** Continues from a checkpoint written by {@link CheckpointListener} (same seed and setup). */
    public GradientTrainerBuilder<M> resumeFrom(Path checkpoint) {
        this.resumeFrom = checkpoint;
        return this;
    }

    public GradientTrainer<M> build() {
        if (loss == null) {
            throw new IllegalStateException("gradient trainer: no loss given (call loss(...))");
        }
        if (optimizer == null) {
            throw new IllegalStateException("gradient trainer: no optimizer given (call optimizer(m -> new SGD(m, lr)))");
        }
        return new GradientTrainer<>(new TrainerConfig<>(model, modelConfig, loss, optimizer, schedule, epochs, batchSize,
                evalBatchSize, seed, validationFraction, validation, List.copyOf(listeners), historyFile, resumeFrom,
                recycleStepMemory, stepOptions, accumulation, divergenceFactor));
    }

    private static int positive(String what, int v) {
        if (v <= 0) {
            throw new IllegalArgumentException("gradient trainer: " + what + " must be positive, got " + v);
        }
        return v;
    }
}

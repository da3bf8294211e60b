package dev.kiln.supervised.train;

import dev.kiln.core.data.Batch;
import dev.kiln.core.data.DataLoader;
import dev.kiln.core.data.Dataset;
import dev.kiln.core.nn.Model;
import dev.kiln.core.nn.Optimizer;
import dev.kiln.core.tensor.Rng;
import dev.kiln.core.train.Trainer;
import dev.kiln.core.train.TrainingContext;
import dev.kiln.core.train.TrainingListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The training loop for every gradient-trained model: shuffled mini-batches, a loss, an optimizer,
 * metrics per epoch on training and validation data, the fit signal, listeners (progress bar,
 * early stopping, checkpoints), {@code history.json} and exact resumption from a checkpoint.
 *
 * <pre>{@code
 * var trainer = GradientTrainer.builder(rng -> Sequential.builder(784).dense(128).relu().dense(10).build(rng))
 *         .loss(new CrossEntropy()).optimizer(m -> new SGD(m, 0.01))
 *         .epochs(10).batchSize(64).seed(42).build();
 * Sequential model = trainer.fit(train);
 * }</pre>
 *
 * <p>All randomness comes from the seed: three streams split from it initialise the model, split off
 * validation rows and shuffle the batches. On one backend and thread count the same seed gives
 * bit-identical weights, and a run resumed from a checkpoint ends with the weights of a run that
 * never stopped.
 */
public final class GradientTrainer<M extends Model> implements Trainer<Dataset, M> {
    private static final Logger LOG = LoggerFactory.getLogger(GradientTrainer.class);

    private final TrainerConfig<M> c;

    GradientTrainer(TrainerConfig<M> config) {
        this.c = config;
    }

    /** Starts a builder; {@code model} creates the network from the trainer's initialisation stream. */
    public static <M extends Model> GradientTrainerBuilder<M> builder(java.util.function.Function<Rng, M> model) {
        return new GradientTrainerBuilder<>(model);
    }

    /** A trained model and its history. */
    public record Fitted<M>(M model, History history) {
    }

    @Override
    public M fit(Dataset data, TrainingListener listener) {
        return train(data, listener).model();
    }

    public Fitted<M> train(Dataset data) {
        return train(data, TrainingListener.NONE);
    }

    /** Trains and returns the model with its history; {@code listener} runs after the builder's listeners. */
    public Fitted<M> train(Dataset data, TrainingListener listener) {
        Rng root = new Rng(c.seed());
        Rng initRng = root.split();
        Rng splitRng = root.split();
        Rng shuffleRng = root.split();
        Dataset train = data;
        Dataset validation = c.validation();
        if (validation == null && c.validationFraction() > 0) {
            Dataset.Split s = data.split(c.validationFraction(), splitRng);
            train = s.train();
            validation = s.validation();
        }
        // an empty epoch would report loss 0/0 = NaN and "train" nothing: say so instead
        if (data.size() == 0) {
            throw new IllegalArgumentException("gradient trainer: the training data has 0 rows");
        }
        if (train.size() == 0) {
            throw new IllegalArgumentException("gradient trainer: no training rows left after holding out "
                    + c.validationFraction() + " of " + data.size() + " for validation");
        }
        M model = c.model().apply(initRng);
        Optimizer optimizer = c.optimizer().apply(model);
        DataLoader loader = DataLoader.shuffled(train, c.batchSize(), shuffleRng).prefetch();
        History history = new History(c.seed());
        int start = 0;
        if (c.resumeFrom() != null) {
            TrainingCheckpoint cp = readCheckpoint(c.resumeFrom());
            if (cp.seed() != c.seed()) {
                throw new IllegalArgumentException("checkpoint " + c.resumeFrom() + " was written by a run with seed "
                        + cp.seed() + ", this trainer has seed " + c.seed() + "; resume with the same seed");
            }
            if (cp.epoch() > c.epochs()) { // a corrupt or foreign epoch: the loop would silently train nothing
                throw new IllegalArgumentException("checkpoint " + c.resumeFrom() + ": metadata 'epoch' is " + cp.epoch()
                        + " but this trainer runs " + c.epochs() + " epochs");
            }
            cp.restoreModel(model);
            optimizer.loadState(cp.optimizerState());
            shuffleRng.offset(cp.shuffleOffset());
            history = cp.history();
            start = cp.epoch();
            LOG.info("resuming from {} after epoch {}", c.resumeFrom(), start);
        }
        String config = c.modelConfig() != null ? c.modelConfig() : model.toString();
        TrainingState state = new TrainingState(model, optimizer, shuffleRng, history, c.batchSize(), config, start);
        List<TrainingListener> listeners = new ArrayList<>(c.listeners());
        listeners.add(listener);
        for (TrainingListener l : listeners) {
            if (l instanceof StateListener sl) {
                sl.attach(state);
            }
        }
        TrainingListener all = TrainingListener.of(listeners.toArray(TrainingListener[]::new));
        TrainingContext ctx = new TrainingContext("gradient", c.epochs(),
                (loader.numBatches() + c.accumulation() - 1) / c.accumulation()); // optimizer steps per epoch
        TrainingStep<Batch> step = step(model, optimizer);
        all.onTrainingStart(ctx);
        for (int epoch = start + 1; epoch <= c.epochs(); epoch++) {
            if (c.schedule() != null) {
                c.schedule().applyTo(optimizer, epoch - 1);
            }
            all.onEpochStart(ctx, epoch);
            Map<String, Double> metrics = runEpoch(epoch, step, loader, ctx, all);
            if (validation != null) {
                Evaluation ev = Evaluation.of(model, c.loss(), validation, c.evalBatchSize());
                metrics.put("val_loss", ev.loss());
                if (ev.isClassification()) {
                    metrics.put("val_accuracy", ev.accuracy());
                }
            }
            History.Epoch record = history.add(epoch, metrics);
            state.epoch(epoch);
            log(record);
            writeHistory(history);
            all.onEpochEnd(ctx, epoch, record.metrics());
            if (ctx.stopRequested()) {
                history.stopReason(ctx.stopReason());
                LOG.info("stopping after epoch {}: {}", epoch, ctx.stopReason());
                break;
            }
        }
        all.onTrainingEnd(ctx);
        writeHistory(history);
        return new Fitted<>(model, history);
    }

    /** Running sums of one epoch. */
    private static final class EpochTotals {
        double lossSum;
        long correct;
        int seen;
        int batches;
        boolean labels;
    }

    private TrainingStep<Batch> step(M model, Optimizer optimizer) {
        TrainingStep.Builder<Batch> b = TrainingStep.supervised(model, c.loss(), optimizer);
        if (c.stepOptions() != null) {
            c.stepOptions().accept(b);
        }
        return b.recycleStepMemory(c.recycleStepMemory()).build();
    }

    private Map<String, Double> runEpoch(int epoch, TrainingStep<Batch> step, DataLoader loader,
                                         TrainingContext ctx, TrainingListener all) {
        step.model().train(true);
        step.resetRecycling(); // values alive between epochs are never taken back: a listener may hold them
        long t0 = System.nanoTime();
        EpochTotals t = new EpochTotals();
        t.labels = loader.dataset().targetShape().length == 0;
        TrainingStep.OutputObserver<Batch> accuracy = (b, out) -> {
            if (t.labels && out.rank() == 2) {
                int[] predicted = out.detach().argmax(1).toIntArray();
                int[] actual = b.targets().toIntArray();
                for (int i = 0; i < predicted.length; i++) {
                    t.correct += predicted[i] == actual[i] ? 1 : 0;
                }
            } else {
                t.labels = false;
            }
            t.seen += b.size();
        };
        java.util.Iterator<Batch> batches = loader.iterator();
        try {
            while (batches.hasNext()) {
                t.batches++;
                double loss;
                try {
                    // reads the batches inside the step's memory scope
                    loss = step.run(batches, c.accumulation(), accuracy).loss();
                } catch (TrainingDivergedException e) {
                    throw new TrainingDivergedException(epoch, t.batches, e.loss(), e.reason());
                }
                // the step is built per run: its first step's loss is the reference (see divergenceFactor)
                if (step.steps() == 1 && c.divergenceFactor() > 0 && loss > 0) {
                    step.lossCeiling(c.divergenceFactor() * loss);
                }
                t.lossSum += loss;
                all.onBatchEnd(ctx, epoch, t.batches, loss);
            }
        } finally {
            if (batches instanceof AutoCloseable closeable) {
                closeQuietly(closeable); // stops a prefetching thread when the epoch ends early
            }
        }
        if (t.batches == 0) {
            throw new IllegalStateException("gradient trainer: epoch " + epoch + " had no batches (the dataset is empty)");
        }
        checkWeights(step.model(), epoch, t.batches);
        double seconds = (System.nanoTime() - t0) / 1e9;
        Map<String, Double> m = new LinkedHashMap<>();
        // the mean of the batch losses, as the classic PyTorch loop prints it
        m.put("loss", t.lossSum / t.batches);
        if (t.labels) {
            m.put("accuracy", (double) t.correct / t.seen);
        }
        m.put("lr", step.optimizer().learningRate());
        m.put("seconds", seconds);
        m.put("samples_per_s", t.seen / seconds);
        return m;
    }

    /**
     * The loss is checked before every update, so a NaN weight shows up as a NaN loss one batch
     * later, except after the last update of the run. Checking once per epoch covers that for the
     * cost of one reduction per parameter: {@code w * 0} is 0 for finite weights and NaN for NaN/Inf.
     */
    private static void checkWeights(Model model, int epoch, int batch) {
        for (var e : model.namedParameters().entrySet()) {
            if (!Float.isFinite(e.getValue().value().mul(0f).sum().item())) {
                throw TrainingDivergedException.weights(epoch, batch, e.getKey());
            }
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            LOG.debug("closing the batch iterator failed", e);
        }
    }

    private void log(History.Epoch e) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        StringBuilder sb = new StringBuilder("epoch ").append(e.epoch()).append('/').append(c.epochs());
        e.metrics().forEach((k, v) -> {
            if (!k.equals("lr") && !k.equals("seconds") && !k.equals("samples_per_s")) {
                sb.append(String.format(java.util.Locale.ROOT, " %s=%.4f", k, v));
            }
        });
        sb.append(String.format(java.util.Locale.ROOT, " (%.1fs)", e.metrics().get("seconds")));
        if (e.fit() != null) {
            sb.append(" fit=").append(e.fit().key());
        }
        LOG.info(sb.toString());
    }

    private void writeHistory(History history) {
        if (c.historyFile() == null) {
            return;
        }
        try {
            history.write(c.historyFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write training history " + c.historyFile(), e);
        }
    }

    private static TrainingCheckpoint readCheckpoint(Path file) {
        try {
            return TrainingCheckpoint.read(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot resume: " + e.getMessage(), e);
        }
    }
}

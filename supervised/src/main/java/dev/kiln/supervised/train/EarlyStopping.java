package dev.kiln.supervised.train;

import dev.kiln.core.nn.Parameter;
import dev.kiln.core.tensor.Tensor;
import dev.kiln.core.train.TrainingContext;
import dev.kiln.supervised.nn.HasBuffers;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops training when a metric has not improved by more than {@code minDelta} for {@code patience}
 * epochs (Keras' {@code EarlyStopping}); optionally puts back the weights of the best epoch when
 * training ends. Metrics ending in "loss" are minimised, others (accuracy) maximised.
 *
 * <pre>{@code EarlyStopping.on("val_loss").patience(3).minDelta(1e-4).restoreBestWeights(true)}</pre>
 */
public final class EarlyStopping implements StateListener {
    private static final Logger LOG = LoggerFactory.getLogger(EarlyStopping.class);

    private final String monitor;
    private final boolean minimise;
    private int patience = 5;
    private double minDelta;
    private boolean restoreBest;

    private TrainingState state;
    private double best;
    private int bestEpoch;
    private int wait;
    private Map<String, Tensor> bestParams;
    private Map<String, Tensor> bestBuffers;

    private EarlyStopping(String monitor) {
        this.monitor = monitor;
        this.minimise = monitor.endsWith("loss");
    }

    /** Watches {@code metric} ("val_loss", "val_accuracy", "loss", ...). */
    public static EarlyStopping on(String metric) {
        return new EarlyStopping(metric);
    }

    public EarlyStopping patience(int epochs) {
        if (epochs < 1) {
            throw new IllegalArgumentException("early stopping: patience must be >= 1, got " + epochs);
        }
        this.patience = epochs;
        return this;
    }

    public EarlyStopping minDelta(double delta) {
        if (!(delta >= 0)) {
            throw new IllegalArgumentException("early stopping: min delta must be >= 0, got " + delta);
        }
        this.minDelta = delta;
        return this;
    }

    public EarlyStopping restoreBestWeights(boolean restore) {
        this.restoreBest = restore;
        return this;
    }

    /** The best epoch seen so far (0 before the first). */
    public int bestEpoch() {
        return bestEpoch;
    }

    public double bestValue() {
        return best;
    }

    @Override
    public void attach(TrainingState s) {
        this.state = s;
        this.best = minimise ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        this.bestEpoch = 0;
        this.wait = 0;
        this.bestParams = null;
        // a resumed run replays the history it carries, so counters continue where they were
        for (History.Epoch e : s.history().epochs()) {
            observe(e.epoch(), value(e.metrics(), e.epoch()), false);
        }
    }

    @Override
    public void onEpochEnd(TrainingContext ctx, int epoch, Map<String, Double> metrics) {
        observe(epoch, value(metrics, epoch), restoreBest);
        if (wait >= patience) {
            ctx.requestStop(String.format(Locale.ROOT,
                    "early stopping: %s did not improve by more than %s for %d epochs (best %.6f at epoch %d)",
                    monitor, minDelta, patience, best, bestEpoch));
        }
    }

    private double value(Map<String, Double> metrics, int epoch) {
        Double v = metrics.get(monitor);
        if (v == null) {
            throw new IllegalStateException("early stopping watches '" + monitor + "' but epoch " + epoch
                    + " reports only " + metrics.keySet() + (monitor.startsWith("val_") ? " (give validation data)" : ""));
        }
        return v;
    }

    private void observe(int epoch, double v, boolean snapshot) {
        boolean improved = minimise ? v < best - minDelta : v > best + minDelta;
        if (improved) {
            best = v;
            bestEpoch = epoch;
            wait = 0;
            if (snapshot) {
                // tensors are immutable: keeping references is a snapshot
                bestParams = new LinkedHashMap<>();
                state.model().namedParameters().forEach((k, p) -> bestParams.put(k, p.value().detach()));
                bestBuffers = state.model() instanceof HasBuffers hb ? new LinkedHashMap<>(hb.buffers()) : null;
            }
        } else {
            wait++;
        }
    }

    @Override
    public void onTrainingEnd(TrainingContext ctx) {
        if (!restoreBest || bestParams == null || bestEpoch == state.epoch()) {
            return;
        }
        Map<String, Parameter> params = state.model().namedParameters();
        bestParams.forEach((k, v) -> params.get(k).set(v));
        if (bestBuffers != null && state.model() instanceof HasBuffers hb) {
            hb.loadBuffers(bestBuffers);
        }
        state.history().restoredEpoch(bestEpoch);
        LOG.info("restored the weights of epoch {} ({} = {})", bestEpoch, monitor, best);
    }
}

package dev.kiln.supervised.train;

import dev.kiln.core.train.TrainingContext;
import java.util.Locale;
import java.util.Map;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A console progress bar per epoch: batches done, ETA, running loss and samples per second. It
 * draws only when the JVM has a terminal ({@code System.console() != null}); in CI, pipes and
 * tests it does nothing (the trainer still logs one line per epoch).
 */
public final class ProgressBarListener implements StateListener {
    private final boolean enabled;
    private TrainingState state;
    private ProgressBar bar;
    private double lossSum;
    private long epochStart;

    public ProgressBarListener() {
        this(System.console() != null);
    }

    /** Forces the bar on or off. */
    public ProgressBarListener(boolean enabled) {
        this.enabled = enabled;
    }

    public boolean enabled() {
        return enabled;
    }

    @Override
    public void attach(TrainingState s) {
        this.state = s;
    }

    @Override
    public void onEpochStart(TrainingContext ctx, int epoch) {
        if (!enabled) {
            return;
        }
        lossSum = 0;
        epochStart = System.nanoTime();
        bar = new ProgressBarBuilder().setTaskName(String.format(Locale.ROOT, "Epoch %d/%d", epoch, ctx.epochs()))
                .setInitialMax(ctx.batchesPerEpoch()).setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250)
                .continuousUpdate().setMaxRenderedLength(110).build();
    }

    @Override
    public void onBatchEnd(TrainingContext ctx, int epoch, int batch, double loss) {
        if (bar == null) {
            return;
        }
        lossSum += loss;
        double seconds = (System.nanoTime() - epochStart) / 1e9;
        bar.stepTo(batch);
        bar.setExtraMessage(String.format(Locale.ROOT, "loss %.4f, %.0f samples/s", lossSum / batch,
                batch * (double) state.batchSize() / Math.max(seconds, 1e-9)));
    }

    @Override
    public void onEpochEnd(TrainingContext ctx, int epoch, Map<String, Double> metrics) {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}

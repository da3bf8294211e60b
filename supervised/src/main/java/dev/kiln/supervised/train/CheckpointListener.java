package dev.kiln.supervised.train;

import dev.kiln.core.train.TrainingContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Saves a {@link TrainingCheckpoint} every {@code N} epochs as {@code epoch-NNNN.safetensors} and,
 * when training ends normally, the final state as {@code final.safetensors} (after early stopping
 * this holds the restored best weights). Each file is written atomically, so a crash or a diverged
 * run never leaves a half-written or bad checkpoint behind the last good one.
 */
public final class CheckpointListener implements StateListener {
    private static final Logger LOG = LoggerFactory.getLogger(CheckpointListener.class);
    public static final String FINAL = "final.safetensors";

    private final Path dir;
    private final int every;
    private TrainingState state;
    private int lastSaved = -1;

    public CheckpointListener(Path dir, int everyEpochs) {
        if (everyEpochs < 1) {
            throw new IllegalArgumentException("checkpoints: interval must be >= 1 epoch, got " + everyEpochs);
        }
        this.dir = dir;
        this.every = everyEpochs;
    }

    /** The file for the state after {@code epoch}. */
    public static Path fileFor(Path dir, int epoch) {
        return dir.resolve(String.format(Locale.ROOT, "epoch-%04d.safetensors", epoch));
    }

    /** The epoch checkpoint with the highest epoch in {@code dir}, if any. */
    public static Optional<Path> latest(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().matches("epoch-\\d{4,}\\.safetensors"))
                    .max(java.util.Comparator.comparing(f -> f.getFileName().toString()));
        }
    }

    @Override
    public void attach(TrainingState s) {
        this.state = s;
    }

    @Override
    public void onEpochEnd(TrainingContext ctx, int epoch, Map<String, Double> metrics) {
        if (epoch % every == 0 || epoch == ctx.epochs()) {
            save(fileFor(dir, epoch));
            lastSaved = epoch;
        }
    }

    @Override
    public void onTrainingEnd(TrainingContext ctx) {
        save(dir.resolve(FINAL));
    }

    private void save(Path file) {
        try {
            TrainingCheckpoint.capture(state).write(file);
            LOG.debug("checkpoint {} (epoch {})", file, state.epoch());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint " + file, e);
        }
    }

    /** The epoch of the last periodic checkpoint, or -1. */
    public int lastSavedEpoch() {
        return lastSaved;
    }
}

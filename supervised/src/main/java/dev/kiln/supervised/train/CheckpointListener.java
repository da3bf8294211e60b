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
    private static final java.util.regex.Pattern EPOCH_FILE = java.util.regex.Pattern.compile("epoch-(\\d{4,})\\.safetensors");
    private static final java.util.regex.Pattern STALE_TEMP =
            java.util.regex.Pattern.compile("\\.(epoch-\\d{4,}|final)\\.safetensors\\..+\\.tmp");

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

    /**
     * The epoch checkpoint with the highest epoch in {@code dir}, if any. Epochs are compared as
     * numbers: the names are zero-padded to 4 digits only, so by name {@code epoch-9999} would sort
     * after {@code epoch-10000}. Names whose number does not fit an int are ignored (not ours).
     */
    public static Optional<Path> latest(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> epochOf(f) >= 0).max(java.util.Comparator.comparingLong(CheckpointListener::epochOf));
        }
    }

    /** The epoch in an {@code epoch-NNNN.safetensors} name, or -1 for any other file. */
    static long epochOf(Path file) {
        java.util.regex.Matcher m = EPOCH_FILE.matcher(file.getFileName().toString());
        if (!m.matches() || m.group(1).length() > 10) {
            return -1;
        }
        long epoch = Long.parseLong(m.group(1));
        return epoch > Integer.MAX_VALUE ? -1 : epoch;
    }

    /**
     * Deletes temporary files that an earlier, killed run left while writing checkpoints into
     * {@code dir} ({@link dev.kiln.core.io.AtomicFiles} names them {@code .<target>.<random>.tmp}
     * and removes them itself on any failure it survives; SIGKILL or a power cut is the exception).
     * Called when a run attaches, before it writes anything. Returns how many were removed.
     */
    public static int removeStaleTemporaryFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        int removed = 0;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (STALE_TEMP.matcher(f.getFileName().toString()).matches() && Files.deleteIfExists(f)) {
                    LOG.info("removed {} left by an interrupted checkpoint write", f);
                    removed++;
                }
            }
        }
        return removed;
    }

    @Override
    public void attach(TrainingState s) {
        this.state = s;
        this.lastSaved = -1;
        try {
            removeStaleTemporaryFiles(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean checkpoint directory " + dir, e);
        }
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

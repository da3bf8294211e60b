package dev.kiln.supervised.train;

import java.io.IOException;
import java.nio.file.Path;

/** A training checkpoint that cannot be resumed from; the message names the file and the bad key or tensor. */
public final class CheckpointFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    public CheckpointFormatException(Path file, String problem) {
        super("checkpoint " + file + ": " + problem);
    }
}

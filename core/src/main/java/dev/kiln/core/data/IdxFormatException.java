package dev.kiln.core.data;

import java.io.IOException;
import java.nio.file.Path;

/** A file that is not a well-formed IDX file; the message names the file and what is wrong. */
public final class IdxFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    public IdxFormatException(Path file, String problem) {
        super("IDX file " + file + ": " + problem);
    }
}

package dev.kiln.core.io;

import java.io.IOException;

/** A safetensors file that cannot be read; the message names the file and what is wrong. */
public final class SafeTensorsException extends IOException {
    private static final long serialVersionUID = 1L;

    public SafeTensorsException(String source, String problem) {
        super("safetensors " + source + ": " + problem);
    }
}

package dev.kiln.opencl;

/** A device allocation failed; the message names the requested size and the device's limit. */
public final class OpenClOutOfMemoryException extends RuntimeException {
    public OpenClOutOfMemoryException(String message, Throwable cause) {
        super(message, cause);
    }
}

package dev.kiln.core.backend;

/** The requested backend is unknown or cannot run here; the message lists every backend found. */
public final class BackendUnavailableException extends RuntimeException {
    public BackendUnavailableException(String message) {
        super(message);
    }
}

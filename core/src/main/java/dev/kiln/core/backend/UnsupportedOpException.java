package dev.kiln.core.backend;

/**
 * Thrown by a backend that does not implement an op. The conformance kit reports these
 * separately from failures, so a new backend can land op by op.
 */
public final class UnsupportedOpException extends UnsupportedOperationException {
    private final String op;

    public UnsupportedOpException(String backend, String op) {
        super("backend '" + backend + "' does not support op '" + op + "'");
        this.op = op;
    }

    public String op() {
        return op;
    }
}

package dev.kiln.unsupervised;

/** The count checks every clustering builder makes, with one message shape: "Owner: field must be >= 1, got n". */
final class HyperParameters {
    private HyperParameters() {
    }

    static void atLeastOne(String owner, String field, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(owner + ": " + field + " must be >= 1, got " + value);
        }
    }
}

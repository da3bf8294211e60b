package dev.kiln.core.backend;

/** Whether a backend can run on this machine, and if not, why (shown by {@code kiln backends}). */
public record Availability(boolean available, String reason) {
    public static Availability yes(String detail) {
        return new Availability(true, detail);
    }

    public static Availability no(String reason) {
        return new Availability(false, reason);
    }
}

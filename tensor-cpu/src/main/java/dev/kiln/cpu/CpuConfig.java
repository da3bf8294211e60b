package dev.kiln.cpu;

/** Thread count from {@code -Dkiln.threads}, else {@code KILN_THREADS}, else the number of processors. */
final class CpuConfig {
    private CpuConfig() {
    }

    static int threads() {
        return parse(System.getProperty("kiln.threads"), System.getenv("KILN_THREADS"),
                Runtime.getRuntime().availableProcessors());
    }

    static int parse(String property, String env, int fallback) {
        String v = property != null && !property.isBlank() ? property : env;
        String source = property != null && !property.isBlank() ? "-Dkiln.threads" : "KILN_THREADS";
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // fall through to the error below
        }
        throw new IllegalArgumentException(source + " must be a positive integer, got '" + v + "'");
    }
}

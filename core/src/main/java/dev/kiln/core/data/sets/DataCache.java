package dev.kiln.core.data.sets;

import java.nio.file.Path;

/**
 * The dataset cache folder: {@code -Dkiln.data}, else {@code KILN_DATA}, else
 * {@code ~/.cache/kiln/datasets} (the folder scripts/fetch-data.sh writes to).
 */
public final class DataCache {
    private DataCache() {
    }

    public static Path root() {
        String prop = System.getProperty("kiln.data");
        if (prop != null && !prop.isBlank()) {
            return Path.of(prop);
        }
        String env = System.getenv("KILN_DATA");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        return Path.of(System.getProperty("user.home"), ".cache", "kiln", "datasets");
    }
}

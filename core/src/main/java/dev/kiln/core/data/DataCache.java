package dev.kiln.core.data;

import java.nio.file.Path;

/**
 * Where fetched datasets live: {@code -Dkiln.data}, else {@code $KILN_DATA}, else
 * {@code ~/.cache/kiln/datasets} (the directory {@code scripts/fetch-data.sh} fills).
 */
public final class DataCache {
    private DataCache() {
    }

    public static Path root() {
        String dir = System.getProperty("kiln.data");
        if (dir == null || dir.isBlank()) {
            dir = System.getenv("KILN_DATA");
        }
        if (dir == null || dir.isBlank()) {
            return Path.of(System.getProperty("user.home"), ".cache", "kiln", "datasets");
        }
        return Path.of(dir);
    }
}

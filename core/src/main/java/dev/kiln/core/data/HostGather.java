package dev.kiln.core.data;

/**
 * A dataset that can gather rows into plain Java arrays without touching a backend. Such datasets
 * can be batched on a background thread ({@link DataLoader#prefetch()}) while the training thread
 * computes; only the training thread turns the arrays into tensors.
 */
public interface HostGather {
    /** Whether {@link #gather} works for this instance (a view is only as capable as its base). */
    default boolean canGather() {
        return true;
    }

    /**
     * Writes rows {@code indices} into {@code features} ({@code indices.length x featureSize}) and
     * {@code targets} ({@code indices.length x targetSize}), row-major; must be safe to call from
     * another thread (read-only access to the dataset).
     */
    void gather(int[] indices, float[] features, float[] targets);
}

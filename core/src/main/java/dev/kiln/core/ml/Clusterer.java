package dev.kiln.core.ml;

/**
 * A fitted clustering (k-means, Gaussian mixture, DBSCAN, agglomerative): the cluster of every
 * training row, and the cluster a new row would join. Noise, where the method has it (DBSCAN),
 * is {@code -1}.
 */
public interface Clusterer {
    /** The cluster of each training row, in training order. */
    int[] labels();

    /** The cluster each row joins, by the method's own rule (nearest centroid, most likely component, ...). */
    int[] predict(Features features);

    /** Number of clusters found (noise not counted). */
    int numClusters();
}

/**
 * Cluster metrics with scikit-learn's definitions: {@link dev.kiln.unsupervised.metrics.InternalMetrics}
 * (inertia, silhouette, Davies–Bouldin) need only the data and labels;
 * {@link dev.kiln.unsupervised.metrics.ExternalMetrics} (ARI, MI/NMI/AMI, homogeneity, completeness,
 * V-measure) compare labels with ground truth.
 */
package dev.kiln.unsupervised.metrics;

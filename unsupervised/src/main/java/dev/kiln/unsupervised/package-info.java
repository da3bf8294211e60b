/**
 * Unsupervised learning: k-means (k-means++ seeding, restarts, distances as one GEMM per Lloyd
 * iteration on the selected backend) and mini-batch k-means, DBSCAN (k-d tree or blocked brute
 * force neighbour search), Gaussian mixtures by EM (full or diagonal covariance), agglomerative
 * clustering (Ward, complete, average, single; SciPy-style merge list) and PCA. Every learner is a
 * {@link dev.kiln.core.train.Trainer} from {@link dev.kiln.unsupervised.Points} to its fitted
 * model; cluster quality metrics live in {@link dev.kiln.unsupervised.metrics}. Design notes:
 * {@code docs/adr/0008-clustering.md}.
 */
package dev.kiln.unsupervised;

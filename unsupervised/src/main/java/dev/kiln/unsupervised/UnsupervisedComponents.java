package dev.kiln.unsupervised;

import dev.kiln.core.component.Component;
import dev.kiln.core.component.ComponentProvider;
import dev.kiln.core.ml.Learners;
import java.util.List;

/** This module's registered learners (found through {@code META-INF/services}). */
public final class UnsupervisedComponents implements ComponentProvider {
    @Override
    public List<Component<?, ?>> components() {
        return List.of(
                Component.of(Learners.CLUSTERER, "kmeans", KMeans.Config.DEFAULTS, KMeans::new,
                        "k-means (Lloyd, k-means++ seeding, restarts)"),
                Component.of(Learners.CLUSTERER, "minibatch-kmeans", MiniBatchKMeans.Config.DEFAULTS, MiniBatchKMeans::new,
                        "mini-batch k-means (Sculley 2010) for data too big for full passes"),
                Component.of(Learners.CLUSTERER, "gaussian-mixture", GaussianMixture.Config.DEFAULTS, GaussianMixture::new,
                        "Gaussian mixture fitted by EM"),
                Component.of(Learners.CLUSTERER, "dbscan", Dbscan.Config.DEFAULTS, Dbscan::new,
                        "density-based clusters with noise"),
                Component.of(Learners.CLUSTERER, "agglomerative", Agglomerative.Config.DEFAULTS, Agglomerative::new,
                        "hierarchical clustering (Ward, complete, average or single linkage)"),
                Component.of(Learners.TRANSFORM, "pca", Pca.Config.DEFAULTS, Pca::new,
                        "principal component analysis (SVD of the centred data)"));
    }
}

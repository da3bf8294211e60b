package dev.kiln.core.data.tabular;

import dev.kiln.core.ml.ClassificationSet;
import dev.kiln.core.ml.Classifier;
import dev.kiln.core.train.Trainer;
import dev.kiln.core.train.TrainingListener;
import java.util.ArrayList;
import java.util.List;

/**
 * A small but real classifier for pipeline tests: predicts the class with the nearest mean
 * (Euclidean), so it is sensitive to feature scales. Remembers the training features it saw.
 */
final class NearestCentroid implements Trainer<ClassificationSet, NearestCentroid.Model> {
    final List<double[][]> seen = new ArrayList<>();

    @Override
    public Model fit(ClassificationSet data, TrainingListener listener) {
        seen.add(data.features());
        int k = 0;
        for (int y : data.labels()) {
            k = Math.max(k, y + 1);
        }
        int d = data.features()[0].length;
        double[][] mean = new double[k][d];
        int[] count = new int[k];
        for (int i = 0; i < data.size(); i++) {
            count[data.labels()[i]]++;
            for (int j = 0; j < d; j++) {
                mean[data.labels()[i]][j] += data.features()[i][j];
            }
        }
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < d; j++) {
                mean[c][j] /= Math.max(1, count[c]);
            }
        }
        return new Model(mean);
    }

    record Model(double[][] centroids) implements Classifier {
        @Override
        public int[] predict(dev.kiln.core.ml.Features input) {
            double[][] features = input.rows();
            int[] out = new int[features.length];
            double[][] p = predictProba(features);
            for (int i = 0; i < out.length; i++) {
                for (int c = 1; c < p[i].length; c++) {
                    if (p[i][c] > p[i][out[i]]) {
                        out[i] = c;
                    }
                }
            }
            return out;
        }

        /** Softmax of minus the squared distances. */
        @Override
        public double[][] predictProba(dev.kiln.core.ml.Features input) {
            double[][] features = input.rows();
            double[][] out = new double[features.length][centroids.length];
            for (int i = 0; i < features.length; i++) {
                double max = Double.NEGATIVE_INFINITY;
                for (int c = 0; c < centroids.length; c++) {
                    double s = 0;
                    for (int j = 0; j < features[i].length; j++) {
                        double diff = features[i][j] - centroids[c][j];
                        s += diff * diff;
                    }
                    out[i][c] = -s;
                    max = Math.max(max, -s);
                }
                double z = 0;
                for (int c = 0; c < centroids.length; c++) {
                    out[i][c] = Math.exp(out[i][c] - max);
                    z += out[i][c];
                }
                for (int c = 0; c < centroids.length; c++) {
                    out[i][c] /= z;
                }
            }
            return out;
        }

        @Override
        public int numClasses() {
            return centroids.length;
        }
    }
}

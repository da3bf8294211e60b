package dev.kiln.unsupervised;

import dev.kiln.core.train.TrainingContext;
import dev.kiln.core.train.TrainingListener;
import java.util.Arrays;

/** Lloyd iterations from given centres; shared by {@link KMeans} restarts. */
final class Lloyd {
    private Lloyd() {
    }

    record Result(float[] centres, int[] labels, double inertia, int iterations) {
    }

    static Result run(SquaredDistances dist, Points points, float[] start, int maxIterations, double tolerance,
            TrainingListener listener, TrainingContext context, int epochOffset, int init) {
        int d = points.cols();
        int k = start.length / d;
        float[] centres = start.clone();
        int[] previous = null;
        int iterations = 0;
        boolean labelsStable = false;
        SquaredDistances.Assignment a = null;
        for (int it = 0; it < maxIterations; it++) {
            listener.onEpochStart(context, epochOffset + it);
            a = dist.assign(centres);
            float[] updated = update(dist, points, a, k);
            double shift = 0;
            for (int i = 0; i < updated.length; i++) {
                double e = updated[i] - centres[i];
                shift += e * e;
            }
            centres = updated;
            iterations = it + 1;
            listener.onEpochEnd(context, epochOffset + it, KMeans.metrics(a.inertia(), shift, init));
            labelsStable = previous != null && Arrays.equals(previous, a.labels());
            if (labelsStable || shift <= tolerance || context.stopRequested()) {
                break;
            }
            previous = a.labels();
        }
        // Labels that match the final centres (and the inertia of exactly those labels). When the
        // labels were stable the update reproduced the centres they were assigned with: reuse them.
        if (!labelsStable) {
            a = dist.assign(centres);
        }
        return new Result(centres, a.labels(), a.inertia(), iterations);
    }

    /** Cluster means; an empty cluster takes the point farthest from its current centre. */
    static float[] update(SquaredDistances dist, Points points, SquaredDistances.Assignment a, int k) {
        int d = points.cols();
        float[] sums = dist.clusterSums(a.labelTensor(), k);
        int[] counts = new int[k];
        for (int label : a.labels()) {
            counts[label]++;
        }
        int empty = 0;
        for (int c = 0; c < k; c++) {
            if (counts[c] == 0) {
                empty++;
            } else {
                for (int j = 0; j < d; j++) {
                    sums[c * d + j] /= counts[c];
                }
            }
        }
        if (empty > 0) {
            reseedEmpty(points, a.minDistances(), counts, sums);
        }
        return sums;
    }

    private static void reseedEmpty(Points points, float[] minDistances, int[] counts, float[] centres) {
        int d = points.cols();
        Integer[] order = new Integer[minDistances.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        // farthest first; ties by index so the choice is deterministic
        Arrays.sort(order, (p, q) -> minDistances[p] != minDistances[q]
                ? Float.compare(minDistances[q], minDistances[p]) : Integer.compare(p, q));
        int next = 0;
        for (int c = 0; c < counts.length; c++) {
            if (counts[c] == 0) {
                int far = order[next++];
                System.arraycopy(points.data(), far * d, centres, c * d, d);
            }
        }
    }
}

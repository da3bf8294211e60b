package dev.kiln.core.data;

import dev.kiln.core.tensor.Shape;
import dev.kiln.core.tensor.Tensor;
import java.util.Arrays;

/** Samples held in float arrays, row-major: features and targets for {@code size()} rows. */
public final class ArrayDataset implements Dataset, HostGather {
    private final float[] features;
    private final float[] targets;
    private final int[] featureShape;
    private final int[] targetShape;
    private final int featureSize;
    private final int targetSize;
    private final int size;

    public ArrayDataset(float[] features, int[] featureShape, float[] targets, int[] targetShape) {
        this.featureShape = featureShape.clone();
        this.targetShape = targetShape.clone();
        this.featureSize = Shape.numel(featureShape);
        this.targetSize = Shape.numel(targetShape);
        if (featureSize == 0 || features.length % featureSize != 0) {
            throw new IllegalArgumentException("dataset: " + features.length + " feature values do not divide into rows of "
                    + Shape.str(featureShape));
        }
        this.size = features.length / featureSize;
        if (targets.length != (long) size * targetSize) {
            throw new IllegalArgumentException("dataset: " + size + " rows of features " + Shape.str(featureShape)
                    + " need " + (long) size * targetSize + " target values " + Shape.str(targetShape) + ", got " + targets.length);
        }
        this.features = features;
        this.targets = targets;
    }

    /** Rows of features {@code [n, ...]} with class labels {@code [n]} (or any targets {@code [n, ...]}). */
    public static ArrayDataset of(Tensor x, Tensor y) {
        if (x.rank() == 0 || y.rank() == 0 || x.shape(0) != y.shape(0)) {
            throw new IllegalArgumentException("dataset: features " + Shape.str(x.shape()) + " and targets "
                    + Shape.str(y.shape()) + " must have the same number of rows");
        }
        int[] xs = x.shape();
        int[] ys = y.shape();
        return new ArrayDataset(x.toArray(), Arrays.copyOfRange(xs, 1, xs.length), y.toArray(),
                Arrays.copyOfRange(ys, 1, ys.length));
    }

    /** Feature rows with integer class labels. */
    public static ArrayDataset ofLabels(float[][] rows, int[] labels) {
        if (rows.length != labels.length) {
            throw new IllegalArgumentException("dataset: " + rows.length + " rows but " + labels.length + " labels");
        }
        if (rows.length == 0) { // an empty float[][] has no width to build a [0, d] dataset from
            throw new IllegalArgumentException("dataset: 0 rows given (for an empty dataset of d features use"
                    + " ArrayDataset.of(Tensor.zeros(0, d), Tensor.zeros(0)))");
        }
        int d = rows[0].length;
        float[] f = new float[rows.length * d];
        float[] t = new float[labels.length];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != d) {
                throw new IllegalArgumentException("dataset: row " + i + " has " + rows[i].length + " features, row 0 has " + d);
            }
            System.arraycopy(rows[i], 0, f, i * d, d);
            t[i] = labels[i];
        }
        return new ArrayDataset(f, new int[] {d}, t, new int[0]);
    }

    /** A copy with {@code norm} applied to every feature value. */
    public ArrayDataset normalized(Normalization norm) {
        float[] f = new float[features.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = norm.apply(features[i]);
        }
        return new ArrayDataset(f, featureShape, targets, targetShape);
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public int[] featureShape() {
        return featureShape.clone();
    }

    @Override
    public int[] targetShape() {
        return targetShape.clone();
    }

    @Override
    public void gather(int[] indices, float[] x, float[] y) {
        for (int i = 0; i < indices.length; i++) {
            Dataset.checkIndex(this, indices[i]);
            System.arraycopy(features, indices[i] * featureSize, x, i * featureSize, featureSize);
            System.arraycopy(targets, indices[i] * targetSize, y, i * targetSize, targetSize);
        }
    }

    @Override
    public Batch batch(int[] indices) {
        float[] x = new float[indices.length * featureSize];
        float[] y = new float[indices.length * targetSize];
        gather(indices, x, y);
        return new Batch(Tensor.fromArray(x, Rows.shape(indices.length, featureShape)),
                Tensor.fromArray(y, Rows.shape(indices.length, targetShape)));
    }
}

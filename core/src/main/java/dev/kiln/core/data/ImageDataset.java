package dev.kiln.core.data;

import dev.kiln.core.tensor.Shape;
import dev.kiln.core.tensor.Tensor;

/**
 * 8-bit images with class labels, kept as bytes and normalised while a batch is gathered (a
 * 256-entry table, so normalisation costs a lookup per pixel and MNIST stays 47 MB in memory).
 */
public final class ImageDataset implements Dataset {
    private final byte[] pixels;
    private final int[] labels;
    private final int[] imageShape;
    private final int imageSize;
    private final int numClasses;
    private final Normalization normalization;
    private final float[] table = new float[256];

    /**
     * @param pixels     unsigned bytes, {@code labels.length} images of {@code imageShape}, row-major
     * @param imageShape per-image shape, e.g. {@code [1, 28, 28]} for a CNN or {@code [784]} for an MLP
     */
    public ImageDataset(byte[] pixels, int[] labels, int[] imageShape, int numClasses, Normalization normalization) {
        this.imageSize = Shape.numel(imageShape);
        if ((long) labels.length * imageSize != pixels.length) {
            throw new IllegalArgumentException("image dataset: " + labels.length + " labels need " + labels.length
                    + " x " + Shape.str(imageShape) + " = " + (long) labels.length * imageSize + " pixels, got " + pixels.length);
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= numClasses) {
                throw new IllegalArgumentException("image dataset: label " + labels[i] + " of image " + i
                        + " is outside [0, " + numClasses + ")");
            }
        }
        this.pixels = pixels;
        this.labels = labels.clone();
        this.imageShape = imageShape.clone();
        this.numClasses = numClasses;
        this.normalization = normalization;
        for (int v = 0; v < 256; v++) {
            table[v] = normalization.apply(v);
        }
    }

    /** The same images seen with another shape (same pixel count), e.g. {@code [784]} instead of {@code [1, 28, 28]}. */
    public ImageDataset reshaped(int... shape) {
        if (Shape.numel(shape) != imageSize) {
            throw new IllegalArgumentException("image dataset: cannot view images of " + Shape.str(imageShape)
                    + " as " + Shape.str(shape));
        }
        return new ImageDataset(pixels, labels, shape, numClasses, normalization);
    }

    /** The same images with another normalisation. */
    public ImageDataset normalized(Normalization norm) {
        return new ImageDataset(pixels, labels, imageShape, numClasses, norm);
    }

    public int numClasses() {
        return numClasses;
    }

    public Normalization normalization() {
        return normalization;
    }

    public int label(int row) {
        Dataset.checkIndex(this, row);
        return labels[row];
    }

    /** All labels in row order (a copy). */
    public int[] labels() {
        return labels.clone();
    }

    /** Raw pixel {@code p} of image {@code row}, 0..255. */
    public int pixel(int row, int p) {
        Dataset.checkIndex(this, row);
        return pixels[row * imageSize + p] & 0xFF;
    }

    @Override
    public int size() {
        return labels.length;
    }

    @Override
    public int[] featureShape() {
        return imageShape.clone();
    }

    @Override
    public int[] targetShape() {
        return new int[0];
    }

    @Override
    public Batch batch(int[] indices) {
        float[] x = new float[indices.length * imageSize];
        float[] y = new float[indices.length];
        for (int i = 0; i < indices.length; i++) {
            int row = indices[i];
            Dataset.checkIndex(this, row);
            int src = row * imageSize;
            int dst = i * imageSize;
            for (int p = 0; p < imageSize; p++) {
                x[dst + p] = table[pixels[src + p] & 0xFF];
            }
            y[i] = labels[row];
        }
        return new Batch(Tensor.fromArray(x, Rows.shape(indices.length, imageShape)), Tensor.fromArray(y, indices.length));
    }
}

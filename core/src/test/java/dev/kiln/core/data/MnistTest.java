package dev.kiln.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MnistTest {
    @TempDir
    Path cache;

    @AfterEach
    void clear() {
        System.clearProperty("kiln.data");
    }

    /** Two 28x28 images: the first all 0 except pixel 5 = 255, the second all 51. */
    private static void writeSet(Path dir, String part, String suffix, boolean gzip, byte[] labels) throws Exception {
        byte[] px = new byte[2 * 784];
        px[5] = (byte) 255;
        for (int i = 784; i < px.length; i++) {
            px[i] = 51;
        }
        byte[] images = IdxFiles.ubyte(new int[] {2, 28, 28}, px);
        byte[] lab = IdxFiles.ubyte(new int[] {labels.length}, labels);
        IdxFiles.write(dir, part + "-images-idx3-ubyte" + suffix, gzip ? IdxFiles.gzip(images) : images);
        IdxFiles.write(dir, part + "-labels-idx1-ubyte" + suffix, gzip ? IdxFiles.gzip(lab) : lab);
    }

    @Test
    void missingDataNamesTheFetchCommand() {
        System.setProperty("kiln.data", cache.toString());
        assertThat(Mnist.DIGITS.isAvailable()).isFalse();
        assertThatThrownBy(() -> Mnist.DIGITS.train(Normalization.UNIT)).isInstanceOf(DatasetNotFoundException.class)
                .hasMessageContaining(cache.resolve("mnist").resolve("train-images-idx3-ubyte").toString())
                .hasMessageContaining("Fetch it with: scripts/fetch-data.sh mnist")
                .hasMessageContaining("./kiln data fetch mnist");
        assertThatThrownBy(() -> Mnist.FASHION.test(Normalization.UNIT))
                .hasMessageContaining("scripts/fetch-data.sh fashion-mnist");
    }

    @Test
    void loadsRawAndGzippedSetsAndNormalises() throws Exception {
        System.setProperty("kiln.data", cache.toString());
        writeSet(cache.resolve("mnist"), "train", "", false, new byte[] {3, 9});
        writeSet(cache.resolve("mnist"), "t10k", "", false, new byte[] {0, 1});
        writeSet(cache.resolve("fashion-mnist"), "train", ".gz", true, new byte[] {4, 5});
        writeSet(cache.resolve("fashion-mnist"), "t10k", ".gz", true, new byte[] {6, 7});
        assertThat(Mnist.DIGITS.isAvailable()).isTrue();

        ImageDataset train = Mnist.DIGITS.train(Normalization.UNIT);
        assertThat(train.size()).isEqualTo(2);
        assertThat(train.featureShape()).containsExactly(1, 28, 28);
        Batch b = train.batch(new int[] {1, 0});
        assertThat(b.features().shape()).containsExactly(2, 1, 28, 28);
        assertThat(b.targets().toArray()).containsExactly(9f, 3f);
        float[] x = b.features().toArray();
        assertThat(x[0]).isEqualTo(0.2f);
        assertThat(x[784 + 5]).isEqualTo(1f);
        assertThat(x[784 + 4]).isEqualTo(0f);

        ImageDataset flat = Mnist.FASHION.test(Normalization.pixels(0.5f, 0.5f)).reshaped(784);
        Batch fb = flat.batch(0, 2);
        assertThat(fb.features().shape()).containsExactly(2, 784);
        assertThat(fb.features().toArray()[5]).isEqualTo(1f);
        assertThat(fb.features().toArray()[0]).isEqualTo(-1f);
        assertThat(fb.targets().toArray()).containsExactly(6f, 7f);
    }

    @Test
    void rejectsLabelImageMismatchAndBadLabels() throws Exception {
        System.setProperty("kiln.data", cache.toString());
        Path d = cache.resolve("mnist");
        writeSet(d, "train", "", false, new byte[] {1, 2, 3});
        assertThatThrownBy(() -> Mnist.DIGITS.train(Normalization.UNIT)).isInstanceOf(IdxFormatException.class)
                .hasMessageContaining("3 labels for 2 images");
        writeSet(d, "train", "", false, new byte[] {1, 12});
        assertThatThrownBy(() -> Mnist.DIGITS.train(Normalization.UNIT))
                .hasMessageContaining("label 12 at row 1 is not a class 0..9");
    }
}

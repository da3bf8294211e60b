package dev.kiln.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Gathering a batch of images: every pixel normalised exactly as {@link Normalization#apply} says. */
class ImageDatasetTest {
    @ParameterizedTest(name = "{0} pixels per image, mean {1}, std {2}")
    @CsvSource({"28, 0, 1", "28, 0.1307, 0.3081", "13, 0, 1", "13, 0.5, 0.25", "8, 0, 1"})
    void gatherNormalisesEveryPixelWhateverTheBufferHeld(int side, float mean, float std) {
        int images = 20;
        int size = side * side;
        SplittableRandom r = new SplittableRandom(side);
        byte[] pixels = new byte[images * size];
        for (int i = 0; i < pixels.length; i++) { // mostly background, like MNIST, with runs of ink
            pixels[i] = (byte) (r.nextInt(4) == 0 ? r.nextInt(256) : 0);
        }
        int[] labels = new int[images];
        Normalization norm = new Normalization(255f, mean, std);
        ImageDataset data = new ImageDataset(pixels, labels, new int[] {size}, 10, norm);
        int[] rows = {19, 0, 7, 7, 3};
        float[] x = new float[rows.length * size];
        Arrays.fill(x, Float.NaN); // a reused buffer: nothing of it may survive
        float[] y = new float[rows.length];
        data.gather(rows, x, y);
        for (int i = 0; i < rows.length; i++) {
            for (int p = 0; p < size; p++) {
                float expected = norm.apply(pixels[rows[i] * size + p] & 0xFF);
                assertThat(x[i * size + p]).as("image %d pixel %d", rows[i], p).isEqualTo(expected);
            }
        }
        assertThatThrownBy(() -> data.gather(new int[] {images}, new float[size], new float[1]))
                .hasMessageContaining(String.valueOf(images));
    }
}

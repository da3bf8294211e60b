package dev.kiln.semisupervised;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.core.ml.ClassificationSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelHidingTest {
    private static ClassificationSet threeClasses(int perClass) {
        int n = 3 * perClass;
        double[][] x = new double[n][];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            x[i] = new double[] {i, -i};
            y[i] = i % 3;
        }
        return new ClassificationSet(x, y);
    }

    @Test
    void keepsExactlyPerClassLabelsOfEachClass() {
        ClassificationSet data = threeClasses(20);
        LabelHiding.Split split = LabelHiding.choose(data, 4, 7);
        assertThat(split.labelled()).hasSize(12).isSorted();
        assertThat(split.unlabelled()).hasSize(48).isSorted();
        int[] perClass = new int[3];
        for (int i : split.labelled()) {
            perClass[data.labels()[i]]++;
        }
        assertThat(perClass).containsExactly(4, 4, 4);
        SemiSupervisedSet semi = LabelHiding.apply(data, split);
        assertThat(semi.labelledSize()).isEqualTo(12);
        assertThat(semi.unlabelledSize()).isEqualTo(48);
        assertThat(semi.unlabelled().row(0)).isSameAs(data.features()[split.unlabelled()[0]]);
        assertThat(LabelHiding.hiddenLabels(data, split)[5]).isEqualTo(data.labels()[split.unlabelled()[5]]);
    }

    @Test
    void sameSeedSameSplitOtherSeedOtherSplit() {
        ClassificationSet data = threeClasses(50);
        assertThat(LabelHiding.choose(data, 5, 1)).isEqualTo(LabelHiding.choose(data, 5, 1));
        assertThat(LabelHiding.choose(data, 5, 1).labelled()).isNotEqualTo(LabelHiding.choose(data, 5, 2).labelled());
    }

    @Test
    void roundTripThroughTheFile(@TempDir Path dir) throws IOException {
        ClassificationSet data = threeClasses(30);
        LabelHiding.Split split = LabelHiding.choose(data, 3, 42);
        Path file = dir.resolve("splits/seed42.txt");
        split.write(file);
        assertThat(LabelHiding.Split.read(file)).isEqualTo(split);
        // the temporary file was renamed away, and the content is what a numpy peer loads
        try (var files = Files.list(file.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("seed42.txt");
        }
        int[] numbers = Files.readAllLines(file).stream().filter(l -> !l.startsWith("#")).mapToInt(Integer::parseInt).toArray();
        assertThat(numbers).containsExactly(split.labelled());
        assertThat(Files.readString(file)).contains("# rows=90");
    }

    @Test
    void damagedFilesAndBadCountsAreNamed(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("s.txt");
        LabelHiding.Split.ofLabelled(10, new int[] {3, 1}).write(file);
        Files.writeString(file, Files.readString(file).replace("# labelled=2", "# labelled=3"));
        assertThatThrownBy(() -> LabelHiding.Split.read(file)).hasMessageContaining("header says 3").hasMessageContaining("2");
        Files.writeString(file, "# kiln label-hiding split v1\n# rows=10\n4\n12\n");
        assertThatThrownBy(() -> LabelHiding.Split.read(file)).hasMessageContaining("12").hasMessageContaining("[0, 10)");
        assertThatThrownBy(() -> LabelHiding.choose(threeClasses(2), 3, 0))
                .hasMessageContaining("perClass").hasMessageContaining("only 2 rows");
        assertThatThrownBy(() -> LabelHiding.choose(threeClasses(2), 0, 0)).hasMessageContaining("perClass").hasMessageContaining("got 0");
        assertThat(Arrays.stream(LabelHiding.Split.ofLabelled(5, new int[] {4, 0}).unlabelled()).boxed()).containsExactly(1, 2, 3);
    }
}

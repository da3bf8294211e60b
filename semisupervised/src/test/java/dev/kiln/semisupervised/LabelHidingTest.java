package dev.kiln.semisupervised;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.core.ml.ClassificationSet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelHidingTest {
    @TempDir
    Path dir;

    /** 30 rows, classes 0,1,2 in turn; feature = row index so rows can be traced. */
    private static ClassificationSet threeClasses() {
        double[][] x = new double[30][];
        int[] y = new int[30];
        for (int i = 0; i < 30; i++) {
            x[i] = new double[] {i, -i};
            y[i] = i % 3;
        }
        return new ClassificationSet(x, y);
    }

    @Test
    void keepsExactlyPerClassLabelsOfEveryClassAndHidesTheRest() {
        ClassificationSet full = threeClasses();
        LabelHiding.Split split = LabelHiding.hide(full, 2, 7);
        assertThat(split.labelled()).hasSize(6);
        assertThat(split.unlabelled()).hasSize(24);
        int[] perClass = new int[3];
        for (int i : split.labelled()) {
            perClass[full.labels()[i]]++;
        }
        assertThat(perClass).containsExactly(2, 2, 2);
        Set<Integer> all = new HashSet<>();
        IntStream.concat(Arrays.stream(split.labelled()), Arrays.stream(split.unlabelled())).forEach(all::add);
        assertThat(all).hasSize(30);

        SemiSupervisedSet semi = split.apply(full);
        assertThat(semi.labelledSize()).isEqualTo(6);
        assertThat(semi.unlabelledSize()).isEqualTo(24);
        assertThat(semi.unlabelled().row(0)[0]).isEqualTo(split.unlabelled()[0]);
        assertThat(split.hiddenLabels(full)[0]).isEqualTo(split.unlabelled()[0] % 3);
        assertThat(semi.numClasses()).isEqualTo(3);
        assertThat(semi.allRows().size()).isEqualTo(30);
    }

    @Test
    void sameSeedSameSplitOtherSeedOtherSplit() {
        ClassificationSet full = threeClasses();
        assertThat(LabelHiding.hide(full, 3, 1)).isEqualTo(LabelHiding.hide(full, 3, 1));
        assertThat(LabelHiding.hide(full, 3, 1)).isNotEqualTo(LabelHiding.hide(full, 3, 2));
    }

    @Test
    void roundTripsThroughTheFileAndLeavesNoTemporaryFile() throws IOException {
        ClassificationSet full = threeClasses();
        LabelHiding.Split split = LabelHiding.hide(full, 4, 11);
        Path file = dir.resolve("sub/split.txt");
        LabelHiding.write(split, file);
        assertThat(LabelHiding.read(file)).isEqualTo(split);
        assertThat(Files.readString(file)).startsWith("kiln-label-split 1\nrows 30\nlabelled ");
        try (var files = Files.list(file.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("split.txt");
        }
        // overwriting keeps the file whole and replaces it
        LabelHiding.Split other = LabelHiding.hide(full, 1, 12);
        LabelHiding.write(other, file);
        assertThat(LabelHiding.read(file)).isEqualTo(other);
    }

    @Test
    void readsAPeerWrittenSubsetSplitWithComments() throws IOException {
        Path file = dir.resolve("peer.txt");
        Files.writeString(file, "# written by a peer\nkiln-label-split 1\nrows 10\nlabelled 3 1\nunlabelled 0 9 4\n",
                StandardCharsets.UTF_8);
        LabelHiding.Split s = LabelHiding.read(file);
        assertThat(s.rows()).isEqualTo(10);
        assertThat(s.labelled()).containsExactly(3, 1);
        assertThat(s.unlabelled()).containsExactly(0, 9, 4);
    }

    @Test
    void badFilesAndArgumentsNameWhatIsWrong() throws IOException {
        Path file = dir.resolve("bad.txt");
        Files.writeString(file, "kiln-label-split 1\nrows 5\nlabelled 1 7\nunlabelled 0\n");
        assertThatThrownBy(() -> LabelHiding.read(file)).isInstanceOf(IOException.class)
                .hasMessageContaining("bad.txt").hasMessageContaining("index 7 is outside [0, 5)");
        Files.writeString(file, "kiln-label-split 1\nrows 5\nlabelled 1 2\nunlabelled 2\n");
        assertThatThrownBy(() -> LabelHiding.read(file)).hasMessageContaining("row 2 is listed twice");
        Files.writeString(file, "hello\n");
        assertThatThrownBy(() -> LabelHiding.read(file)).hasMessageContaining("line 1 is 'hello'");
        Files.writeString(file, "kiln-label-split 1\nrows x\n");
        assertThatThrownBy(() -> LabelHiding.read(file)).hasMessageContaining("line 2");
        Files.writeString(file, "kiln-label-split 1\nrows 3\n");
        assertThatThrownBy(() -> LabelHiding.read(file)).hasMessageContaining("incomplete");
        assertThatThrownBy(() -> LabelHiding.read(dir.resolve("none.txt"))).hasMessageContaining("none.txt");

        assertThatThrownBy(() -> LabelHiding.hide(threeClasses(), 11, 0))
                .hasMessageContaining("class 0 has 10 rows, fewer than perClass = 11");
        assertThatThrownBy(() -> LabelHiding.hide(threeClasses(), 0, 0)).hasMessageContaining("perClass: must be >= 1, got 0");
        assertThatThrownBy(() -> LabelHiding.hide(threeClasses(), 1, 0).apply(new ClassificationSet(new double[2][1], new int[2])))
                .hasMessageContaining("made for a set of 30 rows, applied to one of 2");
    }

    @Test
    void semiSupervisedSetChecksItsParts() {
        SemiSupervisedSet s = SemiSupervisedSet.fromMarked(new double[][] {{0}, {1}, {2}, {3}}, new int[] {-1, 1, -1, 0});
        assertThat(s.labelled().labels()).containsExactly(1, 0);
        assertThat(s.unlabelled().row(1)[0]).isEqualTo(2.0);
        assertThatThrownBy(() -> SemiSupervisedSet.of(new ClassificationSet(new double[][] {{1, 2}}, new int[] {0}),
                new double[][] {{1}})).hasMessageContaining("2 features but unlabelled rows have 1");
        assertThatThrownBy(() -> SemiSupervisedSet.of(new ClassificationSet(new double[0][], new int[0]), new double[][] {{1}}))
                .hasMessageContaining("no rows");
        assertThatThrownBy(() -> SemiSupervisedSet.fromMarked(new double[][] {{0}}, new int[] {-2}))
                .hasMessageContaining("label -2");
    }
}

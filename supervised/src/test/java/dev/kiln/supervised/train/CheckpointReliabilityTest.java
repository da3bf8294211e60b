package dev.kiln.supervised.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.core.data.ArrayDataset;
import dev.kiln.core.io.AtomicFiles;
import dev.kiln.core.io.SafeTensors;
import dev.kiln.core.nn.CrossEntropy;
import dev.kiln.supervised.nn.Sequential;
import dev.kiln.supervised.optim.SGD;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Checkpoints that would resume wrongly are refused; latest() is numeric; no temp files survive (issue 21). */
class CheckpointReliabilityTest {
    private static final ArrayDataset DATA = Blobs.make(60, 3, 0.8);

    @TempDir
    Path tmp;

    private static GradientTrainerBuilder<Sequential> mlp() {
        return GradientTrainer.builder(rng -> Sequential.builder(4).dense(8).relu().dense(3).build(rng))
                .loss(new CrossEntropy()).optimizer(m -> new SGD(m, 0.1)).batchSize(16).seed(5).epochs(2);
    }

    private Path checkpoint() {
        Path dir = tmp.resolve("ckpt");
        mlp().listener(new CheckpointListener(dir, 1)).build().fit(DATA);
        return CheckpointListener.fileFor(dir, 1);
    }

    private static Path withMetadata(Path file, String key, String value) throws IOException {
        SafeTensors.Contents c = SafeTensors.read(file);
        Map<String, String> meta = new LinkedHashMap<>(c.metadata());
        meta.put(key, value);
        Path out = file.resolveSibling("edited-" + key + "-" + value.hashCode() + ".safetensors");
        SafeTensors.write(out, c.tensors(), meta);
        return out;
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
        "epoch, -1",
        "epoch, 4294967299", // 2^32 + 3: an int cast would resume at epoch 3
        "epoch, 9223372036854775807",
        "epoch, two",
        "shuffle_rng_offset, -1",
        "shuffle_rng_offset, -9223372036854775808",
        "seed, 1.5",
    })
    void badMetadataIsRejectedNamingTheKeyAndValue(String key, String value) throws IOException {
        Path bad = withMetadata(checkpoint(), key, value);
        assertThatThrownBy(() -> TrainingCheckpoint.read(bad)).isInstanceOf(CheckpointFormatException.class)
                .hasMessageContaining(bad.toString()).hasMessageContaining("'" + key + "'").hasMessageContaining(value);
        // the trainer reports the same reason when asked to resume from it
        assertThatThrownBy(() -> mlp().resumeFrom(bad).build().fit(DATA)).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("'" + key + "'");
    }

    @Test
    void anEpochPastTheRunsEpochsIsRefusedOnResume() throws IOException {
        Path far = withMetadata(checkpoint(), "epoch", "1000000");
        assertThat(TrainingCheckpoint.read(far).epoch()).isEqualTo(1_000_000); // well-formed, but not for this run
        assertThatThrownBy(() -> mlp().resumeFrom(far).build().fit(DATA)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'epoch' is 1000000").hasMessageContaining("runs 2 epochs");
    }

    @Test
    void latestComparesEpochsAsNumbers() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("many"));
        for (int e : new int[] {2, 9999, 10000, 999}) {
            Files.writeString(CheckpointListener.fileFor(dir, e), "x");
        }
        Files.writeString(dir.resolve("epoch-99999999999.safetensors"), "x"); // past an int: not ours
        Files.writeString(dir.resolve("notes.txt"), "x");
        assertThat(CheckpointListener.latest(dir)).contains(CheckpointListener.fileFor(dir, 10000));
        assertThat(CheckpointListener.fileFor(dir, 10000).getFileName().toString()).isEqualTo("epoch-10000.safetensors");
    }

    @Test
    void aFailedWriteLeavesNoTemporaryFile() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("fail"));
        Path target = dir.resolve("epoch-0001.safetensors");
        assertThatThrownBy(() -> AtomicFiles.write(target, out -> {
            out.write(new byte[100]);
            throw new IOException("disk full (simulated)");
        })).isInstanceOf(IOException.class).hasMessageContaining("disk full");
        // a target that cannot be replaced (a non-empty directory): the rename fails after the data was written
        Files.createDirectories(target);
        Files.writeString(target.resolve("keep"), "x");
        assertThatThrownBy(() -> AtomicFiles.write(target, new byte[10])).isInstanceOf(IOException.class);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly("epoch-0001.safetensors");
        }
    }

    @Test
    void temporaryFilesOfAKilledRunAreRemovedWhenTheNextRunStarts() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("killed"));
        Path stale = Files.createFile(dir.resolve(".epoch-0003.safetensors.123456789.tmp"));
        Path staleFinal = Files.createFile(dir.resolve(".final.safetensors.42.tmp"));
        Path other = Files.createFile(dir.resolve(".notes.txt.1.tmp")); // not a checkpoint's: left alone
        mlp().epochs(1).listener(new CheckpointListener(dir, 1)).build().fit(DATA);
        assertThat(stale).doesNotExist();
        assertThat(staleFinal).doesNotExist();
        assertThat(other).exists();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".tmp")))
                    .containsExactly(".notes.txt.1.tmp");
        }
    }
}

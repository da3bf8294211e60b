package dev.kiln.core.misuse;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.core.data.ArrayDataset;
import dev.kiln.core.data.DataLoader;
import dev.kiln.core.data.IdxFormatException;
import dev.kiln.core.data.IdxReader;
import dev.kiln.core.data.split.KFold;
import dev.kiln.core.data.tabular.CsvFormatException;
import dev.kiln.core.data.tabular.CsvReader;
import dev.kiln.core.data.tabular.DataFrame;
import dev.kiln.core.data.tabular.LabelEncoder;
import dev.kiln.core.data.tabular.NotFittedException;
import dev.kiln.core.data.tabular.StandardScaler;
import dev.kiln.core.io.SafeTensors;
import dev.kiln.core.io.SafeTensorsException;
import dev.kiln.core.tensor.Rng;
import dev.kiln.core.tensor.Shape;
import dev.kiln.core.tensor.Tensor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Table of misuse cases for core's public API (issue 21): each must fail with the named exception
 * type and a message that contains the offending value, so a user can see what to fix.
 */
class CoreMisuseTest {
    @TempDir
    static Path dir;

    private record Case(String name, ThrowingCallable call, Class<? extends Throwable> type, String... mentions) {
    }

    private static Case c(String name, Class<? extends Throwable> type, ThrowingCallable call, String... mentions) {
        return new Case(name, call, type, mentions);
    }

    private static Path file(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bos)) {
            gz.write(data);
        }
        return bos.toByteArray();
    }

    private static byte[] idx(int[] dims, int payload) {
        ByteBuffer b = ByteBuffer.allocate(4 + 4 * dims.length + payload);
        b.put((byte) 0).put((byte) 0).put((byte) 0x08).put((byte) dims.length);
        for (int d : dims) {
            b.putInt(d);
        }
        return b.array();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    static Stream<Case> cases() throws IOException {
        Tensor m23 = Tensor.zeros(2, 3);
        String huge = "z".repeat(100_000);
        byte[] csv = "a,b\n1,2\n3,4\n5,6\n".repeat(200).getBytes(StandardCharsets.UTF_8);
        byte[] csvGz = gzip(csv);
        Path truncatedCsv = file("cut.csv.gz", java.util.Arrays.copyOf(csvGz, csvGz.length / 2));
        Path truncatedIdx = file("cut.idx", idx(new int[] {10, 4}, 5));
        Path zeroByHuge = file("zero-huge.idx", idx(new int[] {0, 65536, 65536}, 0));
        Path badMagic = file("magic.idx", new byte[] {1, 2, 8, 1, 0, 0, 0, 1, 0});
        Path trailingGz = file("trail.idx.gz", concat(gzip(idx(new int[] {2}, 2)), "garbage!".getBytes()));
        Path emptyIdx = file("empty.idx", new byte[0]);
        return Stream.of(
                // tensors: shapes
                c("element count overflows", IllegalArgumentException.class,
                        () -> Tensor.zeros(65536, 65536, 65536, 65536), "[65536, 65536, 65536, 65536]"),
                c("zero dimension hides an overflow", IllegalArgumentException.class,
                        () -> Tensor.zeros(0, 65536, 65536), "[0, 65536, 65536]"),
                c("negative dimension", IllegalArgumentException.class, () -> Tensor.zeros(2, -1), "[2, -1]"),
                c("data does not fill the shape", IllegalArgumentException.class,
                        () -> Tensor.fromArray(new float[5], 2, 3), "[2, 3]"),
                c("reshape to another size", IllegalArgumentException.class, () -> m23.reshape(4, 2), "[4, 2]"),
                c("matmul inner sizes differ", IllegalArgumentException.class, () -> m23.matmul(m23), "[2, 3]"),
                c("shapes that do not broadcast", IllegalArgumentException.class,
                        () -> m23.add(Tensor.zeros(4)), "[4]"),
                c("axis out of range", IllegalArgumentException.class, () -> Shape.axis("sum", 5, 2), "axis 5"),
                c("item of a non-scalar", IllegalStateException.class, m23::item, "[2, 3]"),
                // CSV
                c("huge non-numeric field is cut in the message", CsvFormatException.class,
                        () -> CsvReader.builder().allColumns(dev.kiln.core.data.tabular.ColumnType.NUMERIC).build()
                                .read("x\n" + huge + "\n", "huge.csv"), "huge.csv", "zzzz", "(100000 chars)"),
                c("row with too many fields", CsvFormatException.class,
                        () -> CsvReader.defaults().read("a,b\n1,2,3\n", "wide.csv"), "wide.csv:2", "found 3"),
                c("duplicate header", CsvFormatException.class,
                        () -> CsvReader.defaults().read("a,a\n1,2\n", "dup.csv"), "dup.csv", "'a'"),
                c("type declared for a missing column", IllegalArgumentException.class,
                        () -> CsvReader.builder().type("zip", dev.kiln.core.data.tabular.ColumnType.NUMERIC).build()
                                .read("a\n1\n", "t.csv"), "'zip'"),
                c("negative skipLines", IllegalArgumentException.class, () -> CsvReader.builder().skipLines(-1), "-1"),
                c("empty CSV", CsvFormatException.class, () -> CsvReader.defaults().read("", "empty.csv"),
                        "empty.csv", "empty"),
                c("truncated .csv.gz", CsvFormatException.class, () -> CsvReader.defaults().read(truncatedCsv),
                        truncatedCsv.toString()),
                // IDX
                c("truncated IDX", IdxFormatException.class, () -> IdxReader.read(truncatedIdx),
                        truncatedIdx.toString(), "truncated"),
                c("IDX zero dimension with huge ones", IdxFormatException.class, () -> IdxReader.read(zeroByHuge),
                        zeroByHuge.toString(), "65536"),
                c("IDX bad magic", IdxFormatException.class, () -> IdxReader.read(badMagic), badMagic.toString(),
                        "0x01020801"),
                c("IDX .gz with trailing garbage", IdxFormatException.class, () -> IdxReader.read(trailingGz),
                        trailingGz.toString()),
                c("empty IDX", IdxFormatException.class, () -> IdxReader.read(emptyIdx), emptyIdx.toString(),
                        "0 bytes"),
                // safetensors
                c("safetensors garbage", SafeTensorsException.class,
                        () -> SafeTensors.decode(new byte[] {1, 2, 3}, "junk.safetensors"), "junk.safetensors"),
                c("safetensors header longer than the file", SafeTensorsException.class,
                        () -> SafeTensors.decode(new byte[] {(byte) 0xFF, 0, 0, 0, 0, 0, 0, 0, '{', '}'}, "long.st"),
                        "long.st", "255"),
                // datasets, splits, transformers
                c("rows and labels disagree", IllegalArgumentException.class,
                        () -> ArrayDataset.ofLabels(new float[3][2], new int[2]), "3 rows but 2 labels"),
                c("0-row float[][] dataset", IllegalArgumentException.class,
                        () -> ArrayDataset.ofLabels(new float[0][2], new int[0]), "0 rows"),
                c("non-positive batch size", IllegalArgumentException.class,
                        () -> DataLoader.shuffled(ArrayDataset.ofLabels(new float[2][1], new int[2]), 0, new Rng(1)),
                        "0"),
                c("k-fold with k = 1", IllegalArgumentException.class, () -> KFold.of(1), "1"),
                c("k-fold with k > n", IllegalArgumentException.class, () -> KFold.of(5).split(3), "5", "3"),
                c("scaler used before fit", NotFittedException.class,
                        () -> new StandardScaler().transform(CsvReader.defaults().read("a\n1\n", "s.csv")),
                        "StandardScaler"),
                c("unknown label", IllegalArgumentException.class,
                        () -> new LabelEncoder().fit(new String[] {"cat", "dog"}).encode(new String[] {"cow"}), "cow"),
                c("unknown column", IllegalArgumentException.class,
                        () -> CsvReader.defaults().read("a\n1\n", "s.csv").column("nope"), "nope"));
    }

    @TestFactory
    Stream<DynamicTest> misuseFailsWithKilnsErrorNamingTheValue() throws IOException {
        return cases().map(k -> DynamicTest.dynamicTest(k.name(), () -> assertThatThrownBy(k.call())
                .isInstanceOf(k.type()).message().contains(k.mentions())));
    }

    static DataFrame unused() {
        return null;
    }
}

package dev.kiln.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.core.data.tabular.ColumnType;
import dev.kiln.core.data.tabular.CsvFormatException;
import dev.kiln.core.data.tabular.CsvReader;
import dev.kiln.core.data.tabular.DataFrame;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Regression tests for the loader faults listed in issue 21 (reliability). */
class LoaderReliabilityTest {
    @TempDir
    Path dir;

    @Test
    void csvDropsAUtf8ByteOrderMarkFromTheFirstColumnName() throws Exception {
        Path f = dir.resolve("bom.csv");
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        b.write("id,x\n1,2\n".getBytes(StandardCharsets.UTF_8));
        Files.write(f, b.toByteArray());
        DataFrame df = CsvReader.defaults().read(f);
        assertThat(df.names()).containsExactly("id", "x");
        assertThat(df.numeric("id").get(0)).isEqualTo(1);
        // also from text, and only at the very start: a BOM later is data
        assertThat(CsvReader.defaults().read("\uFEFFa\n1\n", "s.csv").names()).containsExactly("a");
    }

    @Test
    void blankLinesAreSkippedTheSameWayInOneColumnAndWiderFiles() {
        DataFrame one = CsvReader.defaults().read("x\n1\n\n2\n   \n\n", "one.csv");
        assertThat(one.rowCount()).isEqualTo(2);
        assertThat(one.numeric("x").values()).containsExactly(1, 2);
        assertThat(one.numeric("x").values()).doesNotContain(Double.NaN);

        DataFrame wide = CsvReader.defaults().read("a,b\n1,2\n\n3,4\n\n", "wide.csv");
        assertThat(wide.rowCount()).isEqualTo(2);
        assertThat(wide.numeric("b").values()).containsExactly(2, 4);

        DataFrame crlf = CsvReader.defaults().read("a,b\r\n1,2\r\n\r\n", "crlf.csv");
        assertThat(crlf.rowCount()).isEqualTo(1);
        // a missing value in a one-column file is written as a token, and stays a missing value
        assertThat(CsvReader.defaults().read("x\n1\nNA\n", "na.csv").numeric("x").values()[1]).isNaN();
    }

    @Test
    void lineNumbersAfterASkippedBlankLineStillCountIt() {
        assertThatThrownBy(() -> CsvReader.defaults().read("a,b\n1,2\n\n3\n", "gap.csv"))
                .isInstanceOf(CsvFormatException.class).hasMessageStartingWith("gap.csv:4");
    }

    @Test
    void truncatedCsvGzNamesTheFile() throws Exception {
        byte[] gz = IdxFiles.gzip("a,b\n1,2\n3,4\n5,6\n".getBytes(StandardCharsets.UTF_8));
        Path f = IdxFiles.write(dir, "cut.csv.gz", Arrays.copyOf(gz, gz.length - 6));
        assertThatThrownBy(() -> CsvReader.defaults().read(f)).isInstanceOf(CsvFormatException.class)
                .hasMessageContaining(f.toString()).hasMessageContaining("truncated");
    }

    @Test
    void csvGzWithTrailingGarbageOrCorruptDataIsRejectedNamingTheFile() throws Exception {
        byte[] gz = IdxFiles.gzip("a,b\n1,2\n".getBytes(StandardCharsets.UTF_8));
        byte[] garbage = Arrays.copyOf(gz, gz.length + 5);
        Path f = IdxFiles.write(dir, "tail.csv.gz", garbage);
        assertThatThrownBy(() -> CsvReader.defaults().read(f)).isInstanceOf(CsvFormatException.class)
                .hasMessageContaining(f.toString()).hasMessageContaining("trailing bytes");
        byte[] flipped = gz.clone();
        flipped[gz.length - 6] ^= 0x55; // inside the CRC
        Path g = IdxFiles.write(dir, "crc.csv.gz", flipped);
        assertThatThrownBy(() -> CsvReader.defaults().read(g)).isInstanceOf(CsvFormatException.class)
                .hasMessageContaining(g.toString()).hasMessageContaining("CRC");
        Path notGz = IdxFiles.write(dir, "plain.csv.gz", "a,b\n".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> CsvReader.defaults().read(notGz)).isInstanceOf(CsvFormatException.class)
                .hasMessageContaining(notGz.toString()).hasMessageContaining("not in gzip format");
    }

    @Test
    void concatenatedGzipMembersAreOneFile() throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(IdxFiles.gzip("a,b\n1,2\n".getBytes(StandardCharsets.UTF_8)));
        b.write(IdxFiles.gzip("3,4\n".getBytes(StandardCharsets.UTF_8)));
        Path f = IdxFiles.write(dir, "two.csv.gz", b.toByteArray());
        assertThat(CsvReader.defaults().read(f).numeric("a").values()).containsExactly(1, 3);
    }

    @Test
    void aHugeNonNumericFieldGivesAShortMessage() {
        String huge = "z".repeat(10_000_000);
        CsvReader numeric = CsvReader.builder().type("x", ColumnType.NUMERIC).build();
        assertThatThrownBy(() -> numeric.read("x\n1\n" + huge + "\n", "huge.csv"))
                .isInstanceOf(CsvFormatException.class)
                .hasMessageContaining("huge.csv:3").hasMessageContaining("'" + "z".repeat(40) + "…(10000000 chars)'")
                .satisfies(e -> assertThat(e.getMessage().length()).isLessThan(200));
        assertThatThrownBy(() -> numeric.read("x\nabc\n", "short.csv")).hasMessageContaining("'abc' is not a number");
    }

    @Test
    void idxZeroCountWithAHugeItemIsRejectedNotANegativeItemSize() throws Exception {
        Path f = IdxFiles.write(dir, "zero", IdxFiles.ubyte(new int[] {0, 65536, 65536}, new byte[0]));
        assertThatThrownBy(() -> IdxReader.read(f)).isInstanceOf(IdxFormatException.class)
                .hasMessageContaining(f.toString()).hasMessageContaining("[0, 65536, 65536]")
                .hasMessageContaining("one item");
        // a zero dimension with small ones is a valid, empty file
        IdxData empty = IdxReader.read(IdxFiles.write(dir, "empty", IdxFiles.ubyte(new int[] {0, 28, 28}, new byte[0])));
        assertThat(empty.itemSize()).isEqualTo(784);
        assertThat(empty.elements()).isZero();
    }

    @Test
    void idxHugeIntItemIsRejectedBeforeAllocating() throws Exception {
        ByteBuffer b = ByteBuffer.allocate(12);
        b.put(new byte[] {0, 0, 0x0E, 2}).putInt(1).putInt(Integer.MAX_VALUE);
        Path f = IdxFiles.write(dir, "doubles", b.array());
        assertThatThrownBy(() -> IdxReader.read(f)).isInstanceOf(IdxFormatException.class)
                .hasMessageContaining(f.toString()).hasMessageContaining("2 GB");
    }

    @Test
    void idxGzWithTrailingGarbageIsRejectedNamingTheFile() throws Exception {
        byte[] gz = IdxFiles.gzip(IdxFiles.ubyte(new int[] {2, 2}, new byte[] {1, 2, 3, 4}));
        byte[] garbage = Arrays.copyOf(gz, gz.length + 7);
        garbage[gz.length] = 'x';
        Path f = IdxFiles.write(dir, "tail.idx.gz", garbage);
        assertThatThrownBy(() -> IdxReader.read(f)).isInstanceOf(IdxFormatException.class)
                .hasMessageContaining(f.toString()).hasMessageContaining("trailing bytes");
        // a half-written second member (starts with gzip magic, then stops) is truncation
        byte[] half = Arrays.copyOf(gz, gz.length + 4);
        System.arraycopy(gz, 0, half, gz.length, 4);
        Path h = IdxFiles.write(dir, "half.idx.gz", half);
        assertThatThrownBy(() -> IdxReader.read(h)).isInstanceOf(IdxFormatException.class)
                .hasMessageContaining(h.toString()).hasMessageContaining("truncated");
    }

    @Test
    void idxTruncatedGzNamesTheFile() throws Exception {
        byte[] gz = IdxFiles.gzip(IdxFiles.ubyte(new int[] {50, 2}, new byte[100]));
        for (int cut : new int[] {1, 5, 9, gz.length / 2}) {
            Path f = IdxFiles.write(dir, "cut" + cut + ".gz", Arrays.copyOf(gz, gz.length - cut));
            assertThatThrownBy(() -> IdxReader.read(f)).as("cut %d", cut).isInstanceOf(IdxFormatException.class)
                    .hasMessageContaining(f.toString());
        }
    }
}

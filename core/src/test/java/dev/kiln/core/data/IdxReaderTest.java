package dev.kiln.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {
    @TempDir
    Path dir;

    private static final byte[] PIXELS = {0, 1, 2, (byte) 255, 10, 20, 30, (byte) 128, 7, 8, 9, 100};

    @Test
    void readsRawUnsignedBytes() throws Exception {
        Path f = IdxFiles.write(dir, "img", IdxFiles.ubyte(new int[] {3, 2, 2}, PIXELS));
        IdxData d = IdxReader.read(f);
        assertThat(d.type()).isEqualTo(IdxType.UBYTE);
        assertThat(d.dims()).containsExactly(3, 2, 2);
        assertThat(d.count()).isEqualTo(3);
        assertThat(d.itemSize()).isEqualTo(4);
        assertThat(d.get(3)).isEqualTo(255.0);
        assertThat(d.get(7)).isEqualTo(128.0);
        assertThat(d.unsignedBytes()).containsExactly(PIXELS);
        assertThat(d.toFloatArray()).startsWith(0f, 1f, 2f, 255f);
    }

    @Test
    void readsGzipDetectedByContentNotName() throws Exception {
        Path f = IdxFiles.write(dir, "img.idx", IdxFiles.gzip(IdxFiles.ubyte(new int[] {3, 2, 2}, PIXELS)));
        assertThat(IdxReader.read(f).unsignedBytes()).containsExactly(PIXELS);
    }

    @Test
    void readsBigEndianIntsAndFloats() throws Exception {
        ByteBuffer b = ByteBuffer.allocate(8 + 12);
        b.put(new byte[] {0, 0, 0x0C, 1}).putInt(3).putInt(-5).putInt(70000).putInt(1);
        IdxData ints = IdxReader.read(IdxFiles.write(dir, "ints", b.array()));
        assertThat(ints.toIntArray()).containsExactly(-5, 70000, 1);

        ByteBuffer f = ByteBuffer.allocate(12 + 8);
        f.put(new byte[] {0, 0, 0x0D, 2}).putInt(1).putInt(2).putFloat(1.5f).putFloat(-0.25f);
        IdxData floats = IdxReader.read(IdxFiles.write(dir, "floats", f.array()));
        assertThat(floats.toFloatArray()).containsExactly(1.5f, -0.25f);
        assertThatThrownBy(floats::toIntArray).hasMessageContaining("element 0 is 1.5");
    }

    @Test
    void rejectsBadMagic() throws Exception {
        byte[] bytes = IdxFiles.ubyte(new int[] {1}, new byte[] {1});
        bytes[1] = 8;
        Path f = IdxFiles.write(dir, "bad", bytes);
        assertThatThrownBy(() -> IdxReader.read(f)).isInstanceOf(IdxFormatException.class)
                .hasMessageContaining(f.toString()).hasMessageContaining("bad magic number 0x00080801");
    }

    @Test
    void rejectsUnknownType() throws Exception {
        byte[] bytes = IdxFiles.ubyte(new int[] {1}, new byte[] {1});
        bytes[2] = 0x0A;
        Path f = IdxFiles.write(dir, "bad", bytes);
        assertThatThrownBy(() -> IdxReader.read(f)).hasMessageContaining("unknown element type 0x0A");
    }

    @Test
    void rejectsTruncatedAndOverlongFiles() throws Exception {
        byte[] good = IdxFiles.ubyte(new int[] {3, 2, 2}, PIXELS);
        Path shortFile = IdxFiles.write(dir, "short", Arrays.copyOf(good, good.length - 1));
        assertThatThrownBy(() -> IdxReader.read(shortFile)).isInstanceOf(IdxFormatException.class)
                .hasMessageContaining("short").hasMessageContaining("truncated")
                .hasMessageContaining("28 bytes").hasMessageContaining("has 27 bytes");
        Path longFile = IdxFiles.write(dir, "long", Arrays.copyOf(good, good.length + 3));
        assertThatThrownBy(() -> IdxReader.read(longFile)).hasMessageContaining("3 trailing bytes");
        Path gzShort = IdxFiles.write(dir, "short.gz", IdxFiles.gzip(Arrays.copyOf(good, good.length - 4)));
        assertThatThrownBy(() -> IdxReader.read(gzShort)).hasMessageContaining("decompressed data has 24 bytes");
        Path headerOnly = IdxFiles.write(dir, "hdr", new byte[] {0, 0, 8, 3, 0, 0});
        assertThatThrownBy(() -> IdxReader.read(headerOnly)).hasMessageContaining("ends inside them");
    }

    @Test
    void rejectsCorruptGzipAndMissingFiles() throws Exception {
        byte[] gz = IdxFiles.gzip(IdxFiles.ubyte(new int[] {3, 2, 2}, PIXELS));
        Path cut = IdxFiles.write(dir, "cut.gz", Arrays.copyOf(gz, gz.length / 2));
        assertThatThrownBy(() -> IdxReader.read(cut)).isInstanceOf(IdxFormatException.class)
                .hasMessageContaining("cut.gz");
        assertThatThrownBy(() -> IdxReader.read(dir.resolve("nope"))).isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining("nope");
    }
}

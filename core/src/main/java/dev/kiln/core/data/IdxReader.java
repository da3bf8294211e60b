package dev.kiln.core.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads IDX files (the MNIST format: {@code 0x00 0x00 TYPE NDIMS}, NDIMS big-endian int32
 * dimensions, then the big-endian elements), raw or gzip-compressed (detected from the gzip magic
 * bytes, not the file name). Everything is checked: the magic, the element type, the dimensions
 * and that the file holds exactly the elements the header promises — no more, no less.
 */
public final class IdxReader {
    /** Guards against a corrupt header asking for an absurd allocation. */
    private static final long MAX_PAYLOAD = Integer.MAX_VALUE - 64;

    private IdxReader() {
    }

    public static IdxData read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "IDX file not found");
        }
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            raw.mark(2);
            boolean gzip = raw.read() == 0x1f && raw.read() == 0x8b;
            raw.reset();
            // strict: GZIPInputStream would silently ignore garbage appended after the last member
            try (InputStream in = gzip ? new StrictGzipInputStream(raw, "gzip") : raw) {
                return parse(file, in, gzip);
            } catch (java.util.zip.ZipException e) {
                throw new IdxFormatException(file, e.getMessage());
            } catch (java.io.EOFException e) {
                throw new IdxFormatException(file, "gzip stream ends early (truncated file)");
            }
        }
    }

    private static IdxData parse(Path file, InputStream in, boolean gzip) throws IOException {
        byte[] magic = in.readNBytes(4);
        if (magic.length < 4) {
            throw new IdxFormatException(file, "too short for an IDX header (" + magic.length + " bytes)");
        }
        if (magic[0] != 0 || magic[1] != 0) {
            throw new IdxFormatException(file, String.format("bad magic number 0x%02X%02X%02X%02X (must start 0x0000)",
                    magic[0], magic[1], magic[2], magic[3]));
        }
        IdxType type = IdxType.ofCode(magic[2] & 0xFF);
        if (type == null) {
            throw new IdxFormatException(file, String.format("unknown element type 0x%02X", magic[2] & 0xFF));
        }
        int ndims = magic[3] & 0xFF;
        if (ndims == 0) {
            throw new IdxFormatException(file, "header declares 0 dimensions");
        }
        byte[] dimBytes = in.readNBytes(4 * ndims);
        if (dimBytes.length < 4 * ndims) {
            throw new IdxFormatException(file, "header declares " + ndims + " dimensions but the file ends inside them");
        }
        ByteBuffer db = ByteBuffer.wrap(dimBytes).order(ByteOrder.BIG_ENDIAN);
        int[] dims = new int[ndims];
        for (int i = 0; i < ndims; i++) {
            dims[i] = db.getInt();
            if (dims[i] < 0) {
                throw new IdxFormatException(file, "dimension " + i + " is negative (" + dims[i] + ")");
            }
        }
        // The item size (dimensions after the first) is bounded on its own: with a zero count the
        // total is 0 whatever the rest says, yet IdxData.itemSize() must still fit an int, so
        // 0 x 65536 x 65536 is rejected here instead of giving a negative item size later.
        long itemBytes = type.bytes();
        for (int i = 1; i < ndims; i++) {
            itemBytes = Math.multiplyExact(itemBytes, (long) dims[i]); // <= 2^31 * 8 per step: cannot overflow
            if (itemBytes > MAX_PAYLOAD) {
                throw new IdxFormatException(file, "dimensions " + java.util.Arrays.toString(dims)
                        + ": one item (the dimensions after the first) exceeds the 2 GB a Java array can hold");
            }
        }
        if ((long) dims[0] * itemBytes > MAX_PAYLOAD) { // both factors < 2^31: the product fits a long
            throw new IdxFormatException(file, "dimensions " + java.util.Arrays.toString(dims)
                    + " exceed the 2 GB a Java array can hold");
        }
        long elements = (long) dims[0] * (itemBytes / type.bytes());
        int expected = Math.toIntExact(elements * type.bytes());
        byte[] payload = in.readNBytes(expected);
        String where = gzip ? "decompressed data" : "file";
        long headerLen = 4L + 4L * ndims;
        if (payload.length < expected) {
            throw new IdxFormatException(file, "truncated: the header promises " + elements + " " + type + " elements ("
                    + (headerLen + expected) + " bytes) but the " + where + " has " + (headerLen + payload.length) + " bytes");
        }
        if (in.read() != -1) {
            long extra = 1 + in.transferTo(java.io.OutputStream.nullOutputStream());
            throw new IdxFormatException(file, "the " + where + " has " + extra + " trailing bytes after the "
                    + (headerLen + expected) + " the header accounts for");
        }
        return new IdxData(file, type, dims, ByteBuffer.wrap(payload));
    }
}

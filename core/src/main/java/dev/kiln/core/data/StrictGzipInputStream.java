package dev.kiln.core.data;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import java.util.zip.ZipException;

/**
 * A gzip decoder that accepts only well-formed files: one or more complete gzip members
 * (RFC 1952) and nothing else. {@link java.util.zip.GZIPInputStream} silently ignores bytes after
 * the last member that do not start a new header, so a file with garbage appended (or a
 * half-copied second member) "loads"; here that is an error. Every error is an {@link IOException}
 * whose message names the source: {@link ZipException} for corrupt or trailing data,
 * {@link EOFException} for a file that ends inside a member (truncated).
 */
public final class StrictGzipInputStream extends InputStream {
    private static final int FHCRC = 2;
    private static final int FEXTRA = 4;
    private static final int FNAME = 8;
    private static final int FCOMMENT = 16;

    private final InputStream in;
    private final String source;
    private final Inflater inflater = new Inflater(true); // raw deflate: we parse header and trailer
    private final CRC32 crc = new CRC32();
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int lim;
    private long compressedOffset; // bytes of the source consumed before buf[0], for error messages
    private boolean done;

    /** Reads the first member's header now, so a file that is not gzip at all fails here. */
    public StrictGzipInputStream(InputStream in, String source) throws IOException {
        this.in = in;
        this.source = source;
        readHeader();
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (!done) {
            if (inflater.needsInput()) {
                if (pos == lim && !fill()) {
                    throw new EOFException(source + ": gzip data ends inside a compressed member (truncated file)");
                }
                inflater.setInput(buf, pos, lim - pos);
                pos = lim;
            }
            int n;
            try {
                n = inflater.inflate(b, off, len);
            } catch (DataFormatException e) {
                throw new ZipException(source + ": corrupt gzip data (" + e.getMessage() + ")");
            }
            if (n > 0) {
                crc.update(b, off, n);
                return n;
            }
            if (inflater.finished()) {
                pos = lim - inflater.getRemaining(); // hand back what the inflater did not use
                endMember();
            } else if (inflater.needsDictionary()) {
                throw new ZipException(source + ": corrupt gzip data (asks for a preset dictionary)");
            }
        }
        return -1;
    }

    /** Checks the member's trailer, then requires either the end of the file or another member. */
    private void endMember() throws IOException {
        long storedCrc = readInt();
        long storedSize = readInt();
        if (storedCrc != crc.getValue()) {
            throw new ZipException(source + ": gzip CRC mismatch (corrupt data)");
        }
        if (storedSize != (inflater.getBytesWritten() & 0xFFFFFFFFL)) {
            throw new ZipException(source + ": gzip size field disagrees with the decompressed size (corrupt data)");
        }
        if (pos == lim && !fill()) {
            done = true;
            return;
        }
        long at = compressedOffset + pos;
        if ((buf[pos] & 0xFF) != 0x1F || peekSecond() != 0x8B) {
            throw new ZipException(source + ": trailing bytes after the gzip data (at byte " + at
                    + "): not a gzip member; the file is corrupt or has something appended");
        }
        inflater.reset();
        crc.reset();
        readHeader();
    }

    private int peekSecond() throws IOException {
        if (lim - pos < 2) {
            // shift the one byte left to the front so the next fill lands after it
            compressedOffset += pos;
            System.arraycopy(buf, pos, buf, 0, lim - pos);
            lim -= pos;
            pos = 0;
            int n = in.read(buf, lim, buf.length - lim);
            if (n > 0) {
                lim += n;
            }
            if (lim - pos < 2) {
                return -1;
            }
        }
        return buf[pos + 1] & 0xFF;
    }

    private void readHeader() throws IOException {
        int m1 = readByte();
        int m2 = readByte();
        if (m1 != 0x1F || m2 != 0x8B) {
            throw new ZipException(source + ": not in gzip format (bad magic bytes)");
        }
        if (readByte() != 8) {
            throw new ZipException(source + ": unsupported gzip compression method");
        }
        int flags = readByte();
        for (int i = 0; i < 6; i++) { // mtime (4), extra flags, OS
            readByte();
        }
        if ((flags & FEXTRA) != 0) {
            int xlen = readByte() | (readByte() << 8);
            for (int i = 0; i < xlen; i++) {
                readByte();
            }
        }
        if ((flags & FNAME) != 0) {
            while (readByte() != 0) {
                // skip the zero-terminated original file name
            }
        }
        if ((flags & FCOMMENT) != 0) {
            while (readByte() != 0) {
                // skip the zero-terminated comment
            }
        }
        if ((flags & FHCRC) != 0) {
            readByte();
            readByte();
        }
    }

    private long readInt() throws IOException {
        long v = 0;
        for (int i = 0; i < 4; i++) {
            v |= (long) readByte() << (8 * i);
        }
        return v;
    }

    private int readByte() throws IOException {
        if (pos == lim && !fill()) {
            throw new EOFException(source + ": gzip data ends inside a header or trailer (truncated file)");
        }
        return buf[pos++] & 0xFF;
    }

    private boolean fill() throws IOException {
        compressedOffset += lim;
        pos = 0;
        lim = 0;
        int n = in.read(buf, 0, buf.length);
        if (n <= 0) {
            return false;
        }
        lim = n;
        return true;
    }

    @Override
    public void close() throws IOException {
        inflater.end();
        in.close();
    }
}

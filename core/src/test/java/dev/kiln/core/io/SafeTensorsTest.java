package dev.kiln.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.core.tensor.Tensor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafeTensorsTest {
    @TempDir
    Path dir;

    /** 8-byte LE length, the header text, then the little-endian floats: built by hand. */
    private static byte[] file(String header, float... data) {
        byte[] h = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + h.length + 4 * data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(h.length).put(h);
        for (float f : data) {
            b.putFloat(f);
        }
        return b.array();
    }

    @Test
    void encodesExactlyTheSpecifiedBytes() {
        Map<String, Tensor> t = new LinkedHashMap<>();
        t.put("b", Tensor.fromArray(new float[] {1f, -2f}, 2));
        t.put("a", Tensor.scalar(0.5f));
        byte[] actual = SafeTensors.encode(t, Map.of("epoch", "3"));
        // sorted by name, packed, header padded with spaces to a multiple of 8
        String json = "{\"__metadata__\":{\"epoch\":\"3\"},"
                + "\"a\":{\"dtype\":\"F32\",\"shape\":[],\"data_offsets\":[0,4]},"
                + "\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[4,12]}}";
        String padded = json + " ".repeat((8 - json.length() % 8) % 8);
        byte[] expected = file(padded, 0.5f, 1f, -2f);
        assertThat(actual).containsExactly(expected);
        assertThat(actual[8 + padded.length()]).isEqualTo((byte) 0x00);
        assertThat(actual[8 + padded.length() + 3]).isEqualTo((byte) 0x3F); // 0.5f = 0x3F000000, little-endian
    }

    @Test
    void decodesAHandBuiltFileInAnyKeyOrder() throws Exception {
        String header = "{ \"w\": {\"shape\": [2, 2], \"dtype\": \"F32\", \"data_offsets\": [4, 20]},"
                + " \"__metadata__\": {\"format\": \"pt\"}, \"s\": {\"dtype\": \"F32\", \"shape\": [1], \"data_offsets\": [0, 4]} }";
        SafeTensors.Contents c = SafeTensors.decode(file(header, 9f, 1f, 2f, 3f, 4f), "hand");
        assertThat(c.metadata()).containsExactly(Map.entry("format", "pt"));
        assertThat(c.tensors().keySet()).containsExactly("s", "w");
        assertThat(c.tensors().get("w").shape()).containsExactly(2, 2);
        assertThat(c.tensors().get("w").toArray()).containsExactly(1f, 2f, 3f, 4f);
        assertThat(c.tensors().get("s").toArray()).containsExactly(9f);
    }

    @Test
    void roundTripsThroughAFileAtomically() throws Exception {
        Path f = dir.resolve("sub").resolve("model.safetensors");
        Map<String, Tensor> t = Map.of("layer.weight", Tensor.fromArray(new float[] {1, 2, 3, 4, 5, 6}, 2, 3),
                "layer.bias", Tensor.fromArray(new float[] {Float.MIN_VALUE, -0f, Float.MAX_VALUE}, 3),
                "empty", Tensor.zeros(0, 4));
        SafeTensors.write(f, t, Map.of("model", "{\"layers\":2}"));
        SafeTensors.Contents c = SafeTensors.read(f);
        assertThat(c.metadata()).containsEntry("model", "{\"layers\":2}");
        assertThat(c.tensors()).hasSize(3);
        t.forEach((k, v) -> {
            assertThat(c.tensors().get(k).shape()).containsExactly(v.shape());
            assertThat(c.tensors().get(k).toArray()).containsExactly(v.toArray());
        });
        try (var files = Files.list(f.getParent())) {
            assertThat(files).containsExactly(f);
        }
        if (f.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(f)))
                    .isEqualTo("rw-r--r--"); // not the 0600 of a temporary file
        }
    }

    @Test
    void aFailedWriteLeavesThePreviousFileAndNoTemporaryFile() throws Exception {
        Path f = dir.resolve("x.bin");
        AtomicFiles.write(f, new byte[] {1, 2, 3});
        assertThatThrownBy(() -> AtomicFiles.write(f, out -> {
            out.write(new byte[] {9, 9});
            throw new IOException("disk full");
        })).hasMessage("disk full");
        assertThat(Files.readAllBytes(f)).containsExactly(1, 2, 3);
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(f);
        }
    }

    private static void assertRejected(byte[] bytes, String... fragments) {
        var check = assertThatThrownBy(() -> SafeTensors.decode(bytes, "bad.safetensors"))
                .isInstanceOf(SafeTensorsException.class).hasMessageContaining("bad.safetensors");
        for (String f : fragments) {
            check.hasMessageContaining(f);
        }
    }

    @Test
    void rejectsMalformedFilesNamingTheProblem() {
        String ok = "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}";
        assertRejected(new byte[5], "too short");
        byte[] huge = file(ok, 1f, 2f);
        huge[0] = (byte) 0xFF;
        assertRejected(huge, "header length 255 is impossible");
        assertRejected(file("{\"a\":", 1f), "not valid JSON");
        assertRejected(file("[1,2]"), "must be a JSON object");
        assertRejected(file(ok, 1f), "data_offsets [0, 8] outside the data section of 4 bytes");
        assertRejected(file(ok, 1f, 2f, 3f), "data section has 12 bytes but the tensors cover 8");
        assertRejected(file(ok.replace("F32", "X99"), 1f, 2f), "tensor 'a'", "unknown dtype 'X99'");
        assertRejected(file(ok.replace("F32", "F64"), 1f, 2f), "tensor 'a' of shape [2] F64 needs 16 bytes");
        // well-formed but not F32: the array layer reads it, the tensor layer says why not
        assertRejected(file(ok.replace("[2]", "[4]").replace("F32", "BF16"), 1f, 2f), "tensor 'a'", "dtype BF16");
        assertRejected(file(ok.replace("[2]", "[3]"), 1f, 2f), "needs 12 bytes, its data_offsets span 8");
        assertRejected(file(ok.replace("[2]", "[-2]"), 1f, 2f), "invalid dimension -2");
        assertRejected(file(ok.replace("\"shape\"", "\"extra\":1,\"shape\""), 1f, 2f), "unknown field 'extra'");
        assertRejected(file("{\"__metadata__\":{\"epoch\":3}}"), "value of 'epoch' must be a string");
        String gap = "{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]},"
                + "\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[8,12]}}";
        assertRejected(file(gap, 1f, 2f, 3f), "tensor 'a' starts at data offset 4, expected 0");
        String overlap = "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
                + "\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}";
        assertRejected(file(overlap, 1f, 2f), "overlaps");
        String dup = "{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]},"
                + "\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}";
        assertRejected(file(dup, 1f), "Duplicate field 'a'");
    }

    @Test
    void arraysOfEveryWidthRoundTripExactly() throws Exception {
        double[] d = {Math.PI, -0.0, Double.MIN_VALUE, Double.MAX_VALUE, Double.NaN, 1e-300};
        int[] i = {Integer.MIN_VALUE, -1, 0, 7, Integer.MAX_VALUE, 3};
        long[] l = {Long.MIN_VALUE, Long.MAX_VALUE};
        Map<String, ArrayData> arrays = new java.util.LinkedHashMap<>();
        arrays.put("d", ArrayData.of(d, 2, 3));
        arrays.put("i", ArrayData.of(i));
        arrays.put("l", ArrayData.of(l));
        arrays.put("f", ArrayData.of(new float[] {1.5f, -2f}));
        byte[] bytes = SafeTensors.encodeArrays(arrays, Map.of("k", "v"));
        var back = SafeTensors.decodeArrays(bytes, "mem");
        assertThat(back.arrays()).isEqualTo(arrays);
        assertThat(back.arrays().get("d").shape()).containsExactly(2, 3);
        assertThat(back.arrays().get("d").toDoubles()).isEqualTo(d);
        assertThat(back.arrays().get("i").toInts()).containsExactly(i);
        assertThat(back.arrays().get("l").toLongs()).containsExactly(l);
        assertThat(back.metadata()).containsEntry("k", "v");
        assertThatThrownBy(() -> back.arrays().get("d").toInts()).hasMessageContaining("dtype F64 read as I32");
        assertThatThrownBy(() -> SafeTensors.decode(bytes, "mem.safetensors"))
                .isInstanceOf(SafeTensorsException.class).hasMessageContaining("tensor 'd' has dtype F64");
    }
}

package dev.kiln.core.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.core.tensor.Shape;
import dev.kiln.core.tensor.Tensor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The safetensors format (Hugging Face): an 8-byte little-endian header length {@code N}, {@code N}
 * bytes of UTF-8 JSON, then the raw little-endian tensor data. The header maps each tensor name to
 * {@code {"dtype": "F32", "shape": [...], "data_offsets": [begin, end]}} (offsets relative to the
 * data section) and may hold {@code "__metadata__"}, a map of strings to strings.
 *
 * <p>Two layers: {@link #encodeArrays}/{@link #decodeArrays} move {@link ArrayData} of any
 * {@link DType} exactly as stored (model files keep F64 and I32 state this way);
 * {@link #encode}/{@link #decode} move Kiln's F32 {@link Tensor}s on top of them. Kiln writes
 * entries sorted by name, packed without gaps, the header padded with spaces to a multiple of 8
 * bytes (as the reference implementation does), and files atomically. The reader rejects
 * anything malformed — bad lengths, unknown keys, overlapping or non-contiguous offsets, sizes
 * that do not match shapes — naming the file and the tensor.
 */
public final class SafeTensors {
    public static final String METADATA_KEY = "__metadata__";
    /** Same limit as the reference implementation: a header above this is corrupt, not big. */
    private static final long MAX_HEADER = 100L * 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private SafeTensors() {
    }

    /** Tensors and metadata of one file, tensors in the order of their data. */
    public record Contents(Map<String, Tensor> tensors, Map<String, String> metadata) {
    }

    /** Arrays of any dtype and metadata of one file, arrays in the order of their data. */
    public record RawContents(Map<String, ArrayData> arrays, Map<String, String> metadata) {
    }

    public static void writeArrays(Path file, Map<String, ArrayData> arrays, Map<String, String> metadata)
            throws IOException {
        AtomicFiles.write(file, encodeArrays(arrays, metadata));
    }

    public static RawContents readArrays(Path file) throws IOException {
        return decodeArrays(readBytes(file), file.toString());
    }

    public static void write(Path file, Map<String, Tensor> tensors, Map<String, String> metadata) throws IOException {
        byte[] bytes = encode(tensors, metadata);
        AtomicFiles.write(file, bytes);
    }

    public static Contents read(Path file) throws IOException {
        return decode(readBytes(file), file.toString());
    }

    private static byte[] readBytes(Path file) throws IOException {
        long size = Files.size(file);
        if (size > Integer.MAX_VALUE - 64) {
            throw new SafeTensorsException(file.toString(), "file of " + size + " bytes is larger than Kiln reads (2 GB)");
        }
        return Files.readAllBytes(file);
    }

    public static byte[] encode(Map<String, Tensor> tensors, Map<String, String> metadata) {
        Map<String, ArrayData> arrays = new LinkedHashMap<>();
        tensors.forEach((name, t) -> arrays.put(name, ArrayData.of(t)));
        return encodeArrays(arrays, metadata);
    }

    public static Contents decode(byte[] bytes, String source) throws SafeTensorsException {
        RawContents raw = decodeArrays(bytes, source);
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        for (Map.Entry<String, ArrayData> e : raw.arrays().entrySet()) {
            if (e.getValue().dtype() != DType.F32) {
                throw new SafeTensorsException(source, "tensor '" + e.getKey() + "' has dtype " + e.getValue().dtype()
                        + "; Kiln reads F32 tensors only");
            }
            tensors.put(e.getKey(), e.getValue().toTensor());
        }
        return new Contents(tensors, raw.metadata());
    }

    public static byte[] encodeArrays(Map<String, ArrayData> tensors, Map<String, String> metadata) {
        ObjectNode header = JSON.createObjectNode();
        if (metadata != null && !metadata.isEmpty()) {
            ObjectNode meta = header.putObject(METADATA_KEY);
            new TreeMap<>(metadata).forEach((k, v) -> {
                if (k == null || v == null) {
                    throw new IllegalArgumentException("safetensors: metadata keys and values must not be null (key " + k + ")");
                }
                meta.put(k, v);
            });
        }
        TreeMap<String, ArrayData> sorted = new TreeMap<>(tensors);
        long offset = 0;
        for (Map.Entry<String, ArrayData> e : sorted.entrySet()) {
            String name = e.getKey();
            if (name.isEmpty() || name.equals(METADATA_KEY)) {
                throw new IllegalArgumentException("safetensors: invalid tensor name '" + name + "'");
            }
            ArrayData t = e.getValue();
            ObjectNode entry = header.putObject(name);
            entry.put("dtype", t.dtype().name());
            var shape = entry.putArray("shape");
            for (int d : t.shape()) {
                shape.add(d);
            }
            long bytes = t.bytes().length;
            entry.putArray("data_offsets").add(offset).add(offset + bytes);
            offset += bytes;
        }
        byte[] json;
        try {
            json = JSON.writeValueAsBytes(header);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("safetensors: cannot serialise header", e);
        }
        int padded = (json.length + 7) / 8 * 8;
        long total = 8L + padded + offset;
        if (total > Integer.MAX_VALUE - 64) {
            throw new IllegalArgumentException("safetensors: " + total + " bytes exceed the 2 GB Kiln writes in one file");
        }
        ByteBuffer buf = ByteBuffer.allocate((int) total).order(ByteOrder.LITTLE_ENDIAN);
        buf.putLong(padded);
        buf.put(json);
        for (int i = json.length; i < padded; i++) {
            buf.put((byte) ' ');
        }
        for (ArrayData t : sorted.values()) {
            buf.put(t.bytes());
        }
        return buf.array();
    }

    public static RawContents decodeArrays(byte[] bytes, String source) throws SafeTensorsException {
        if (bytes.length < 8) {
            throw new SafeTensorsException(source, "file has " + bytes.length + " bytes, too short for the 8-byte header length");
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long n = buf.getLong();
        if (n < 2 || n > MAX_HEADER || n > bytes.length - 8L) {
            throw new SafeTensorsException(source, "header length " + n + " is impossible for a file of " + bytes.length
                    + " bytes (must be 2.." + Math.min(MAX_HEADER, bytes.length - 8L) + ")");
        }
        JsonNode header;
        try {
            header = JSON.readTree(new String(bytes, 8, (int) n, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new SafeTensorsException(source, "header is not valid JSON: " + e.getOriginalMessage());
        }
        if (header == null || !header.isObject()) {
            throw new SafeTensorsException(source, "header must be a JSON object");
        }
        int dataStart = 8 + (int) n;
        long dataLen = bytes.length - (long) dataStart;
        Map<String, String> metadata = new LinkedHashMap<>();
        List<Entry> entries = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = header.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            if (f.getKey().equals(METADATA_KEY)) {
                readMetadata(source, f.getValue(), metadata);
            } else {
                entries.add(readEntry(source, f.getKey(), f.getValue(), dataLen));
            }
        }
        entries.sort(Comparator.comparingLong(Entry::begin));
        long expected = 0;
        for (Entry e : entries) {
            if (e.begin != expected) {
                throw new SafeTensorsException(source, "tensor '" + e.name + "' starts at data offset " + e.begin + ", expected "
                        + expected + (e.begin < expected ? " (overlaps the previous tensor)" : " (a gap before it)"));
            }
            expected = e.end;
        }
        if (expected != dataLen) {
            throw new SafeTensorsException(source, "data section has " + dataLen + " bytes but the tensors cover " + expected);
        }
        Map<String, ArrayData> arrays = new LinkedHashMap<>();
        for (Entry e : entries) {
            byte[] data = java.util.Arrays.copyOfRange(bytes, dataStart + (int) e.begin, dataStart + (int) e.end);
            arrays.put(e.name, new ArrayData(e.dtype, e.shape, data));
        }
        return new RawContents(arrays, metadata);
    }

    private record Entry(String name, DType dtype, int[] shape, long begin, long end) {
    }

    private static void readMetadata(String source, JsonNode node, Map<String, String> out) throws SafeTensorsException {
        if (!node.isObject()) {
            throw new SafeTensorsException(source, METADATA_KEY + " must be an object of strings");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> m = it.next();
            if (!m.getValue().isTextual()) {
                throw new SafeTensorsException(source, METADATA_KEY + " value of '" + m.getKey()
                        + "' must be a string, got " + m.getValue().getNodeType());
            }
            out.put(m.getKey(), m.getValue().asText());
        }
    }

    private static Entry readEntry(String source, String name, JsonNode node, long dataLen) throws SafeTensorsException {
        String where = "tensor '" + name + "'";
        if (!node.isObject()) {
            throw new SafeTensorsException(source, where + " must be an object with dtype, shape and data_offsets");
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!k.equals("dtype") && !k.equals("shape") && !k.equals("data_offsets")) {
                throw new SafeTensorsException(source, where + " has unknown field '" + k + "'");
            }
        }
        JsonNode dtype = node.get("dtype");
        if (dtype == null || !dtype.isTextual()) {
            throw new SafeTensorsException(source, where + " has no dtype string");
        }
        DType type;
        try {
            type = DType.parse(dtype.asText());
        } catch (IllegalArgumentException e) {
            throw new SafeTensorsException(source, where + ": " + e.getMessage());
        }
        JsonNode shapeNode = node.get("shape");
        if (shapeNode == null || !shapeNode.isArray()) {
            throw new SafeTensorsException(source, where + " has no shape array");
        }
        int[] shape = new int[shapeNode.size()];
        for (int i = 0; i < shape.length; i++) {
            JsonNode d = shapeNode.get(i);
            if (!d.canConvertToInt() || !d.isIntegralNumber() || d.asInt() < 0) {
                throw new SafeTensorsException(source, where + " has invalid dimension " + d + " in shape " + shapeNode);
            }
            shape[i] = d.asInt();
        }
        // Shape.numel checks the product at each step: multiplied blindly, [65536 x4] wraps to 0
        // elements and would "match" empty data_offsets.
        long numel;
        try {
            numel = Shape.numel(shape);
        } catch (IllegalArgumentException e) {
            throw new SafeTensorsException(source, where + ": " + e.getMessage());
        }
        JsonNode off = node.get("data_offsets");
        if (off == null || !off.isArray() || off.size() != 2 || !off.get(0).isIntegralNumber()
                || !off.get(1).isIntegralNumber()) {
            throw new SafeTensorsException(source, where + " needs data_offsets [begin, end], got " + off);
        }
        long begin = off.get(0).asLong();
        long end = off.get(1).asLong();
        if (begin < 0 || end < begin || end > dataLen) {
            throw new SafeTensorsException(source, where + " has data_offsets [" + begin + ", " + end
                    + "] outside the data section of " + dataLen + " bytes");
        }
        if (end - begin != type.bytes() * numel) {
            throw new SafeTensorsException(source, where + " of shape " + Shape.str(shape) + " " + type + " needs "
                    + type.bytes() * numel + " bytes, its data_offsets span " + (end - begin));
        }
        return new Entry(name, type, shape, begin, end);
    }
}

package dev.kiln.core.data.tabular;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.kiln.core.data.StrictGzipInputStream;
import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipException;

/**
 * Reads CSV into a {@link DataFrame} with Jackson's CSV parser (RFC 4180 quoting: fields in
 * double quotes may hold the delimiter, newlines and doubled quotes). Configure with the builder:
 *
 * <pre>{@code
 * DataFrame df = CsvReader.builder().delimiter(';').missing("NA", "", "?")
 *         .type("zip", ColumnType.CATEGORICAL).build().read(Path.of("houses.csv"));
 * }</pre>
 *
 * <ul>
 *   <li>Header: the first row names the columns (default); without one they are {@code x0, x1, ...}
 *       or the names given with {@link Builder#names}.</li>
 *   <li>Missing: a field equal to one of the missing tokens (default {@code ""}, {@code "NA"} and {@code "NaN"})
 *       after trimming becomes {@code NaN} or {@code null}.</li>
 *   <li>Types: a declared type wins; otherwise a column is numeric when every non-missing field
 *       parses as a decimal number, and categorical otherwise.</li>
 *   <li>Errors: a row with the wrong number of fields, or a field in a column declared numeric that
 *       is not a number, throws {@link CsvFormatException} naming the file, the line and the column.</li>
 *   <li>Blank lines (empty or only spaces) are skipped wherever they are, in files of any width,
 *       as pandas does; write a missing value in a one-column file as {@code NA}.</li>
 *   <li>A UTF-8 byte-order mark at the start is dropped (it is not part of the first name).</li>
 *   <li>Files ending in {@code .gz} are decompressed; a truncated or corrupt one, or one with bytes
 *       after the gzip data, is a {@link CsvFormatException} naming the file.</li>
 * </ul>
 */
public final class CsvReader {
    private static final CsvMapper MAPPER = new CsvMapper();

    private final boolean header;
    private final char delimiter;
    private final char quote;
    private final boolean trim;
    private final int skipLines;
    private final Set<String> missing;
    private final Map<String, ColumnType> types;
    private final ColumnType defaultType;
    private final List<String> names;

    private CsvReader(Builder b) {
        this.header = b.header;
        this.delimiter = b.delimiter;
        this.quote = b.quote;
        this.trim = b.trim;
        this.skipLines = b.skipLines;
        this.missing = Set.copyOf(b.missing);
        this.types = Map.copyOf(b.types);
        this.defaultType = b.defaultType;
        this.names = b.names == null ? null : List.copyOf(b.names);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Header row, comma, double quotes, {@code ""}/{@code NA} missing, inferred types. */
    public static CsvReader defaults() {
        return builder().build();
    }

    /**
     * Reads a file ({@code .gz} files are decompressed); errors name the path. A truncated or
     * corrupt {@code .gz} file, or one with bytes after the gzip data, is a {@link CsvFormatException}
     * naming the file rather than a bare {@code EOFException}.
     */
    public DataFrame read(Path file) throws IOException {
        try (InputStream raw = Files.newInputStream(file)) {
            InputStream in = file.getFileName().toString().endsWith(".gz")
                    ? new StrictGzipInputStream(raw, file.toString()) : raw;
            return read(new InputStreamReader(in, StandardCharsets.UTF_8), file.toString());
        } catch (ZipException | EOFException e) {
            // the stream's message already names the file and says truncated/corrupt/trailing bytes
            throw new CsvFormatException(file.toString(), e.getMessage(), e);
        }
    }

    /** Reads CSV text; {@code sourceName} appears in error messages. */
    public DataFrame read(String text, String sourceName) {
        try {
            return read(new StringReader(text), sourceName);
        } catch (IOException e) {
            throw new IllegalStateException("reading a string cannot fail", e);
        }
    }

    /** Reads from {@code reader} (not closed here); {@code sourceName} appears in error messages. */
    public DataFrame read(Reader reader, String sourceName) throws IOException {
        BufferedReader in = reader instanceof BufferedReader br ? br : new BufferedReader(reader);
        // A UTF-8 byte-order mark (Excel writes one) decodes to U+FEFF; left in, it would become
        // part of the first column's name, and "id" would not be found by name.
        in.mark(1);
        if (in.read() != '\uFEFF') {
            in.reset();
        }
        for (int i = 0; i < skipLines; i++) {
            if (in.readLine() == null) {
                throw new CsvFormatException(sourceName, i + 1, null, "file ends before the " + skipLines
                        + " lines to skip");
            }
        }
        List<String[]> records = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(delimiter).withQuoteChar(quote)
                .withoutEscapeChar();
        try (CsvParser p = MAPPER.getFactory().createParser(in)) {
            p.setSchema(schema);
            p.enable(CsvParser.Feature.WRAP_AS_ARRAY);
            p.enable(CsvParser.Feature.SKIP_EMPTY_LINES);
            JsonToken t = p.nextToken(); // the START_ARRAY wrapping all rows
            while (t != null && (t = p.nextToken()) == JsonToken.START_ARRAY) {
                // a row's START_ARRAY carries the previous row's position; its first value knows its line
                long line = -1;
                List<String> fields = new ArrayList<>();
                while ((t = p.nextToken()) == JsonToken.VALUE_STRING) {
                    if (fields.isEmpty()) {
                        line = p.currentTokenLocation().getLineNr() + skipLines;
                    }
                    fields.add(p.getText());
                }
                if (isBlankLine(fields)) {
                    continue; // see isBlankLine: skipped in files of every width, as pandas does
                }
                records.add(fields.toArray(String[]::new));
                lines.add(line);
            }
        } catch (JsonProcessingException e) {
            long line = e.getLocation() == null ? -1 : e.getLocation().getLineNr() + skipLines;
            throw new CsvFormatException(sourceName, line, null, "unreadable CSV: " + e.getOriginalMessage());
        }
        return build(records, lines, sourceName);
    }

    /**
     * A line with nothing on it, or only spaces: Jackson's SKIP_EMPTY_LINES misses some (a line of
     * spaces, or a blank line in a one-column file, arrives as one empty field). Such a line is
     * skipped wherever it appears, whatever the width, like pandas' {@code skip_blank_lines=True};
     * otherwise a one-column file would gain NaN rows while a wider one would be rejected for the
     * same blank line. A missing value in a one-column file must therefore be written as a token
     * such as {@code NA}.
     */
    private static boolean isBlankLine(List<String> fields) {
        return fields.isEmpty() || (fields.size() == 1 && fields.get(0).isBlank());
    }

    private DataFrame build(List<String[]> records, List<Long> lines, String source) {
        List<String> colNames;
        int first;
        if (header) {
            if (records.isEmpty()) {
                throw new CsvFormatException(source, skipLines + 1, null, "no header row: the file is empty");
            }
            colNames = names != null ? names
                    : java.util.Arrays.stream(records.get(0)).map(h -> trim ? h.strip() : h).toList();
            first = 1;
            if (names == null) {
                checkHeader(colNames, source, lines.get(0));
            }
        } else {
            if (records.isEmpty() && names == null) {
                throw new CsvFormatException(source, skipLines + 1, null, "no rows and no column names given");
            }
            colNames = names != null ? names : DataFrame.defaultNames(records.get(0).length);
            first = 0;
        }
        int width = colNames.size();
        int n = records.size() - first;
        String[][] cells = new String[width][n];
        for (int r = 0; r < n; r++) {
            String[] rec = records.get(r + first);
            if (rec.length != width) {
                // name the first column the row lacks, or the position of the first extra field
                String where = rec.length < width ? colNames.get(rec.length) : "#" + (width + 1);
                throw new CsvFormatException(source, lines.get(r + first), where, "expected " + width
                        + " fields but found " + rec.length);
            }
            for (int j = 0; j < width; j++) {
                String v = trim ? rec[j].strip() : rec[j];
                cells[j][r] = missing.contains(v) ? null : v;
            }
        }
        List<Column> columns = new ArrayList<>(width);
        for (int j = 0; j < width; j++) {
            String name = colNames.get(j);
            ColumnType declared = types.getOrDefault(name, defaultType);
            columns.add(column(name, cells[j], declared, lines, first, source));
        }
        for (String declaredName : types.keySet()) {
            if (!colNames.contains(declaredName)) {
                throw new IllegalArgumentException(source + ": a type is declared for column '" + declaredName
                        + "' but the columns are " + colNames);
            }
        }
        return columns.isEmpty() ? DataFrame.empty(n) : DataFrame.of(columns);
    }

    private static void checkHeader(List<String> colNames, String source, long line) {
        Set<String> seen = new HashSet<>();
        for (int j = 0; j < colNames.size(); j++) {
            String name = colNames.get(j);
            if (name.isBlank()) {
                throw new CsvFormatException(source, line, "#" + (j + 1), "empty column name in the header");
            }
            if (!seen.add(name)) {
                throw new CsvFormatException(source, line, name, "duplicate column name in the header");
            }
        }
    }

    private static Column column(String name, String[] values, ColumnType declared, List<Long> lines, int first,
            String source) {
        if (declared == ColumnType.CATEGORICAL) {
            return CategoricalColumn.wrap(name, values);
        }
        double[] parsed = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            String v = values[i];
            double d = v == null ? Double.NaN : Numbers.parse(v);
            if (v != null && Double.isNaN(d)) {
                if (declared == ColumnType.NUMERIC) {
                    throw new CsvFormatException(source, lines.get(i + first), name, CsvFormatException.quote(v)
                            + " is not a number (the column is declared numeric)");
                }
                return CategoricalColumn.wrap(name, values); // inferred: a non-number makes it categorical
            }
            parsed[i] = d;
        }
        return NumericColumn.wrap(name, parsed);
    }

    /** Options for {@link CsvReader}. */
    public static final class Builder {
        private boolean header = true;
        private char delimiter = ',';
        private char quote = '"';
        private boolean trim = true;
        private int skipLines;
        private final Set<String> missing = new LinkedHashSet<>(List.of("", "NA", "NaN"));
        private final Map<String, ColumnType> types = new HashMap<>();
        private ColumnType defaultType;
        private List<String> names;

        /** Whether the first (non-skipped) row names the columns; default true. */
        public Builder header(boolean header) {
            this.header = header;
            return this;
        }

        public Builder delimiter(char delimiter) {
            this.delimiter = delimiter;
            return this;
        }

        public Builder quote(char quote) {
            this.quote = quote;
            return this;
        }

        /** Whether to strip spaces around fields before parsing; default true. */
        public Builder trim(boolean trim) {
            this.trim = trim;
            return this;
        }

        /** Physical lines to skip before the CSV starts (e.g. a preamble); line numbers in errors still count them. */
        public Builder skipLines(int n) {
            if (n < 0) {
                throw new IllegalArgumentException("skipLines must be >= 0, got " + n);
            }
            this.skipLines = n;
            return this;
        }

        /** The tokens that mean "missing" (replacing the defaults {@code ""}, {@code "NA"}, {@code "NaN"}). */
        public Builder missing(String... tokens) {
            missing.clear();
            missing.addAll(List.of(tokens));
            return this;
        }

        /** Declares a column's type (by name, or {@code x0..} without a header). */
        public Builder type(String column, ColumnType type) {
            types.put(column, type);
            return this;
        }

        /** Declares the type of every column not declared by name (instead of inferring it). */
        public Builder allColumns(ColumnType type) {
            this.defaultType = type;
            return this;
        }

        /** Column names for a file without a header (or to override the header's names). */
        public Builder names(List<String> names) {
            this.names = List.copyOf(names);
            return this;
        }

        public CsvReader build() {
            return new CsvReader(this);
        }
    }
}

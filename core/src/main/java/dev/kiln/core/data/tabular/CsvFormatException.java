package dev.kiln.core.data.tabular;

/** A malformed CSV row: the message names the source (file), the 1-based line and, where known, the column. */
public final class CsvFormatException extends IllegalArgumentException {
    private final String source;
    private final long line;
    private final String column;

    public CsvFormatException(String source, long line, String column, String problem) {
        super(source + ":" + line + (column == null ? "" : ", column '" + column + "'") + ": " + problem);
        this.source = source;
        this.line = line;
        this.column = column;
    }

    /** A problem with the whole file (no line applies), such as a truncated {@code .gz}. */
    public CsvFormatException(String source, String problem, Throwable cause) {
        super(problem.startsWith(source) ? problem : source + ": " + problem, cause);
        this.source = source;
        this.line = -1;
        this.column = null;
    }

    /** Longest field echoed whole in a message; longer ones are cut so a 10 MB field gives a short error. */
    static final int MAX_QUOTED = 40;

    /**
     * {@code value} in single quotes for an error message, cut to its first {@value #MAX_QUOTED}
     * characters plus {@code …(N chars)} when longer.
     */
    public static String quote(String value) {
        if (value.length() <= MAX_QUOTED) {
            return "'" + value + "'";
        }
        return "'" + value.substring(0, MAX_QUOTED) + "…(" + value.length() + " chars)'";
    }

    /** The file (or source name) being read. */
    public String source() {
        return source;
    }

    /** 1-based line of the file where the bad row starts, or -1 where the problem is the whole file. */
    public long line() {
        return line;
    }

    /** The column's name, or null where the problem is the whole row. */
    public String column() {
        return column;
    }
}

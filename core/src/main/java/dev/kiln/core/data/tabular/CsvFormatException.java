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

    /** The file (or source name) being read. */
    public String source() {
        return source;
    }

    /** 1-based line of the file where the bad row starts. */
    public long line() {
        return line;
    }

    /** The column's name, or null where the problem is the whole row. */
    public String column() {
        return column;
    }
}

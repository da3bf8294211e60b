package dev.kiln.core.data.tabular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvReaderTest {
    @TempDir
    Path tmp;

    @Test
    void infersNumericAndCategoricalColumnsWithMissingValues() {
        DataFrame df = CsvReader.defaults().read("""
                age,city,score
                31,Lyon,1.5
                NA,Paris,
                45,,2e3
                """, "people.csv");
        assertThat(df.names()).containsExactly("age", "city", "score");
        assertThat(df.rowCount()).isEqualTo(3);
        assertThat(df.column("age").type()).isEqualTo(ColumnType.NUMERIC);
        assertThat(df.numeric("age").values()).containsExactly(31, Double.NaN, 45);
        assertThat(df.categorical("city").values()).containsExactly("Lyon", "Paris", null);
        assertThat(df.numeric("score").values()).containsExactly(1.5, Double.NaN, 2000);
        assertThat(df.missingCount()).isEqualTo(3);
    }

    @Test
    void quotedFieldsMayHoldDelimitersQuotesAndNewlines() {
        String text = "name,note\n\"Smith, John\",\"said \"\"hi\"\"\"\n\"multi\nline\",x\n";
        DataFrame df = CsvReader.defaults().read(text, "q.csv");
        assertThat(df.categorical("name").values()).containsExactly("Smith, John", "multi\nline");
        assertThat(df.categorical("note").values()).containsExactly("said \"hi\"", "x");
    }

    @Test
    void otherDelimiterNoHeaderAndCustomMissingTokens() {
        DataFrame df = CsvReader.builder().header(false).delimiter(';').missing("?").build()
                .read("1;a\n?;b\n3;?\n", "semi.csv");
        assertThat(df.names()).containsExactly("x0", "x1");
        assertThat(df.numeric("x0").values()).containsExactly(1, Double.NaN, 3);
        assertThat(df.categorical("x1").values()).containsExactly("a", "b", null);
        // "NA" is an ordinary value once the missing tokens are replaced
        DataFrame na = CsvReader.builder().missing("?").build().read("c\nNA\n", "na.csv");
        assertThat(na.categorical("c").values()).containsExactly("NA");
    }

    @Test
    void declaredTypesWin() {
        DataFrame df = CsvReader.builder().type("zip", ColumnType.CATEGORICAL).build()
                .read("zip,n\n01000,1\n75001,2\n", "zips.csv");
        assertThat(df.categorical("zip").values()).containsExactly("01000", "75001");
        assertThat(df.numeric("n").values()).containsExactly(1, 2);
    }

    @Test
    void wrongFieldCountNamesFileAndLine() {
        assertThatThrownBy(() -> CsvReader.defaults().read("a,b\n1,2\n3\n4,5\n", "short.csv"))
                .isInstanceOf(CsvFormatException.class)
                .hasMessage("short.csv:3, column 'b': expected 2 fields but found 1")
                .satisfies(e -> assertThat(((CsvFormatException) e).line()).isEqualTo(3));
    }

    @Test
    void lineNumbersCountQuotedNewlinesAndSkippedLines() {
        String text = "# preamble\na,b\n\"x\ny\",1\n2,3,4\n";
        assertThatThrownBy(() -> CsvReader.builder().skipLines(1).build().read(text, "pre.csv"))
                .isInstanceOf(CsvFormatException.class).hasMessageStartingWith("pre.csv:5, column");
    }

    @Test
    void extraFieldsNameTheirPosition() {
        assertThatThrownBy(() -> CsvReader.defaults().read("a,b\n1,2,3\n", "long.csv"))
                .hasMessage("long.csv:2, column '#3': expected 2 fields but found 3");
    }

    @Test
    void unclosedQuoteIsAnErrorWithALine() {
        assertThatThrownBy(() -> CsvReader.defaults().read("a,b\n1,2\n\"open,3\n", "quote.csv"))
                .isInstanceOf(CsvFormatException.class).hasMessageStartingWith("quote.csv:")
                .hasMessageContaining("unreadable CSV");
    }

    @Test
    void badNumberInDeclaredNumericColumnNamesLineAndColumn() {
        assertThatThrownBy(() -> CsvReader.builder().type("w", ColumnType.NUMERIC).build()
                .read("id,w\n1,2.5\n2,heavy\n", "w.csv"))
                .isInstanceOf(CsvFormatException.class)
                .hasMessage("w.csv:3, column 'w': 'heavy' is not a number (the column is declared numeric)");
    }

    @Test
    void strictNumbersOnly() {
        // Java would read "1d" and "0x10" as numbers; a CSV reader must not
        DataFrame df = CsvReader.defaults().read("a,b,c\n1d,0x10,-inf\n", "s.csv");
        assertThat(df.column("a").type()).isEqualTo(ColumnType.CATEGORICAL);
        assertThat(df.column("b").type()).isEqualTo(ColumnType.CATEGORICAL);
        assertThat(df.numeric("c").get(0)).isEqualTo(Double.NEGATIVE_INFINITY);
    }

    @Test
    void headerProblemsAreErrors() {
        assertThatThrownBy(() -> CsvReader.defaults().read("a,a\n1,2\n", "dup.csv"))
                .hasMessage("dup.csv:1, column 'a': duplicate column name in the header");
        assertThatThrownBy(() -> CsvReader.defaults().read("", "empty.csv"))
                .hasMessageContaining("empty.csv:1").hasMessageContaining("empty");
        assertThatThrownBy(() -> CsvReader.builder().type("nope", ColumnType.NUMERIC).build().read("a\n1\n", "t.csv"))
                .hasMessageContaining("'nope'");
    }

    @Test
    void readsFilesAndGzipAndNamesThePathInErrors() throws IOException {
        Path plain = tmp.resolve("d.csv");
        Files.writeString(plain, "a,b\n1,2\n3,x,9\n");
        assertThatThrownBy(() -> CsvReader.defaults().read(plain)).hasMessageStartingWith(plain + ":3");
        Path gz = tmp.resolve("d.csv.gz");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write("a b\n1 2\n3 4\n".getBytes(StandardCharsets.UTF_8));
        }
        Files.write(gz, bytes.toByteArray());
        DataFrame df = CsvReader.builder().delimiter(' ').names(List.of("p", "q")).build().read(gz);
        assertThat(df.numeric("q").values()).containsExactly(2, 4);
    }

    @Test
    void spacesAroundFieldsAreTrimmedByDefault() {
        DataFrame df = CsvReader.defaults().read("a, b\n 1 , x \n", "sp.csv");
        assertThat(df.names()).containsExactly("a", "b");
        assertThat(df.numeric("a").get(0)).isEqualTo(1);
        assertThat(df.categorical("b").get(0)).isEqualTo("x");
    }
}

package dev.kiln.examples.unsupervised;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CustomerDataTest {
    @TempDir
    Path dir;

    @Test
    void writtenFileReadsBackAndLeavesNoTemporaryFiles() throws Exception {
        CustomerData.Table t = CustomerData.generate(500, 3);
        Path file = dir.resolve("sub").resolve("customers.csv");
        CustomerData.write(t, file);
        try (var files = Files.list(file.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("customers.csv");
        }
        CustomerData.Table back = CustomerData.read(file);
        assertThat(back.segments()).containsExactly(t.segments());
        for (int i = 0; i < 500; i++) {
            assertThat(back.features()[i]).containsExactly(t.features()[i], within(1e-9));
        }
    }

    @Test
    void generatorIsSeededAndHasTheDocumentedShapeAndSkew() {
        CustomerData.Table a = CustomerData.generate(4000, 42);
        assertThat(CustomerData.generate(4000, 42).features()).isDeepEqualTo(a.features());
        assertThat(CustomerData.generate(4000, 43).features()).isNotEqualTo(a.features());
        long hibernating = Arrays.stream(a.segments()).filter("hibernating"::equals).count();
        assertThat(hibernating / 4000.0).isCloseTo(0.30, within(0.03));
        double[] spend = Arrays.stream(a.features()).mapToDouble(r -> r[2]).sorted().toArray();
        double mean = Arrays.stream(spend).average().orElseThrow();
        assertThat(mean).as("right-skewed spend: mean well above median").isGreaterThan(2 * spend[2000]);
        for (double[] r : a.features()) {
            assertThat(r[0]).isBetween(1.0, 730.0);
            assertThat(r[1]).isGreaterThanOrEqualTo(1.0);
            assertThat(r[2]).isPositive();
        }
    }

    @Test
    void ownFilesNeedOnlyTheThreeColumnsInAnyOrder() throws Exception {
        Path file = dir.resolve("mine.csv");
        StringBuilder sb = new StringBuilder("monetary,name,frequency,recency_days\n");
        for (int i = 0; i < 12; i++) {
            sb.append(10 * i).append(",x").append(i).append(',').append(i + 1).append(',').append(30 - i).append('\n');
        }
        Files.writeString(file, sb);
        CustomerData.Table t = CustomerData.read(file);
        assertThat(t.segments()).isNull();
        assertThat(t.features()[2]).containsExactly(28, 3, 20);
    }

    @Test
    void badFilesNameTheProblem() throws Exception {
        Path noColumn = dir.resolve("a.csv");
        Files.writeString(noColumn, "recency_days,frequency\n1,2\n");
        assertThatThrownBy(() -> CustomerData.read(noColumn)).hasMessageContaining("a.csv")
                .hasMessageContaining("no column 'monetary'");
        Path badNumber = dir.resolve("b.csv");
        Files.writeString(badNumber, "recency_days,frequency,monetary\n1,2,3\n4,five,6\n");
        assertThatThrownBy(() -> CustomerData.read(badNumber)).hasMessageContaining("b.csv line 3, column frequency")
                .hasMessageContaining("'five'");
    }
}

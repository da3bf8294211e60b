package dev.kiln.core.data.sets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MissingDatasetTest {
    @Test
    void missingFilesNameThePathAndTheFetchCommand(@TempDir Path empty) {
        SklearnDatasets none = new SklearnDatasets(empty);
        assertThat(none.available()).isFalse();
        assertThatThrownBy(none::iris).isInstanceOf(MissingDatasetException.class)
                .hasMessageContaining(empty.resolve("iris.csv").toString())
                .hasMessageContaining("scripts/fetch-data.sh sklearn");
        assertThatThrownBy(none::diabetes).isInstanceOf(MissingDatasetException.class)
                .hasMessageContaining("diabetes_data_raw.csv.gz");
    }

    @Test
    void malformedFilesAreReportedWithLineAndColumn(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("iris.csv"), "3,4,a,b,c\n5.1,3.5,1.4,0.2,0\n4.9,3.0,x,0.2,0\n");
        assertThatThrownBy(() -> new SklearnDatasets(dir).iris())
                .hasMessageContaining("iris.csv:3, column 'petal length (cm)': 'x' is not a number");
        Files.writeString(dir.resolve("wine_data.csv"), "2,13,a,b,c\n1,2\n");
        assertThatThrownBy(() -> new SklearnDatasets(dir).wine()).hasMessageContaining("wine_data.csv:2, column 'ash': expected 14 fields");
        Files.writeString(dir.resolve("breast_cancer.csv"), "569,29,malignant,benign\n");
        assertThatThrownBy(() -> new SklearnDatasets(dir).breastCancer()).hasMessageContaining("says 29 features, expected 30");
    }
}

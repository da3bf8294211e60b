package dev.kiln.reinforcement.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.reinforcement.agent.QTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QTableFileTest {
    @TempDir
    Path dir;

    @Test
    void roundTripsExactly() throws Exception {
        double[][] v = {{0.1, -1e-300, 1.0 / 3}, {Math.PI, 0, -7.25}};
        Path f = dir.resolve("sub/q.json");
        QTableFile.save(QTable.of(v), Map.of("algorithm", "QLearning", "env", "FrozenLake4x4"), f);
        QTableFile.Loaded back = QTableFile.read(f);
        assertThat(back.table().toArray()).isDeepEqualTo(v);
        assertThat(back.metadata()).containsEntry("algorithm", "QLearning").containsEntry("env", "FrozenLake4x4");
        try (var files = Files.list(f.getParent())) {
            assertThat(files).containsExactly(f); // no temp file left behind
        }
        // overwrite in place
        QTableFile.save(QTable.of(new double[][] {{1}}), Map.of(), f);
        assertThat(QTableFile.load(f).toArray()).isDeepEqualTo(new double[][] {{1}});
    }

    @Test
    void badFilesNameTheFieldAndFile() throws Exception {
        Path f = dir.resolve("bad.json");
        Files.writeString(f, "{\"format\":\"other\"}");
        assertThatThrownBy(() -> QTableFile.load(f)).hasMessageContaining("bad.json").hasMessageContaining("'format'");
        Files.writeString(f, "{\"format\":\"kiln-qtable\",\"version\":1,\"states\":2,\"actions\":2,\"q\":[[1,2],[3]]}");
        assertThatThrownBy(() -> QTableFile.load(f)).hasMessageContaining("q[1] must be an array of 2 numbers");
        Files.writeString(f, "{\"format\":\"kiln-qtable\",\"version\":1,\"states\":1,\"actions\":2,\"q\":[[1,\"x\"]]}");
        assertThatThrownBy(() -> QTableFile.load(f)).hasMessageContaining("q[0][1] must be a finite number");
        Files.writeString(f, "{\"format\":\"kiln-qtable\",\"version\":2}");
        assertThatThrownBy(() -> QTableFile.load(f)).hasMessageContaining("'version'");
        Files.writeString(f, "{\"format\":\"kiln-qtable\",\"version\":1,\"states\":0}");
        assertThatThrownBy(() -> QTableFile.load(f)).hasMessageContaining("'states' must be a positive integer");
        Files.writeString(f, "{not json");
        assertThatThrownBy(() -> QTableFile.load(f)).hasMessageContaining("cannot read JSON");
        assertThatThrownBy(() -> QTableFile.load(dir.resolve("missing.json"))).hasMessageContaining("missing.json");
    }
}

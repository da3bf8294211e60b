package dev.kiln.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.core.io.SafeTensors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelsTest {
    /** A toy fitted model with exact doubles, a nested child and a small value. */
    record Pair(double[] weights, String label, Pair inner) {
    }

    public static final class PairCodec implements ModelCodec<Pair> {
        public String name() {
            return "test-pair";
        }

        public Class<Pair> type() {
            return Pair.class;
        }

        public void write(Pair p, ModelWriter out) {
            out.array("weights", p.weights()).value("label", p.label());
            if (p.inner() != null) {
                out.child("inner", p.inner());
            }
        }

        public Pair read(ModelReader in) {
            return new Pair(in.doubles("weights"), in.string("label"), in.has("children") ? in.child("inner", Pair.class) : null);
        }
    }

    @TempDir
    Path dir;

    private final Pair model = new Pair(new double[] {Math.PI, 1e-310, -0.0}, "outer",
            new Pair(new double[] {Math.E}, "inner", null));

    @Test
    void roundTripsExactlyWithNestedModelsAndProvenance() throws Exception {
        Path file = dir.resolve("m.safetensors");
        Models.save(model, file, Map.of("seed", "42"));
        Pair back = Models.load(file, Pair.class);
        assertThat(back.weights()).isEqualTo(model.weights());
        assertThat(back.label()).isEqualTo("outer");
        assertThat(back.inner().weights()).isEqualTo(new double[] {Math.E});
        assertThat(SafeTensors.readArrays(file).arrays()).containsKeys("weights", "inner.weights");
        assertThat(Models.provenance(file)).containsEntry("seed", "42").containsKeys("kiln", "java", "os", "backend");
        assertThat(Models.provenance(file).get("kiln")).isNotBlank();
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("m.safetensors");
        }
    }

    @Test
    void refusesNewerFormatsForeignFilesAndUnknownModels() throws Exception {
        var c = Models.encode(model, Map.of());
        Map<String, String> meta = new HashMap<>(c.metadata());
        meta.put(Models.KEY_VERSION, "2");
        assertThatThrownBy(() -> Models.decode(new SafeTensors.RawContents(c.arrays(), meta), "new.safetensors"))
                .isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("new.safetensors").hasMessageContaining("format version 2").hasMessageContaining("newer");
        Map<String, String> foreign = new HashMap<>(c.metadata());
        foreign.remove(Models.KEY_FORMAT);
        assertThatThrownBy(() -> Models.decode(new SafeTensors.RawContents(c.arrays(), foreign), "plain.safetensors"))
                .hasMessageContaining("not a Kiln model file");
        Map<String, String> unknown = new HashMap<>(c.metadata());
        unknown.put(Models.KEY_MODEL, unknown.get(Models.KEY_MODEL).replace("\"test-pair\"", "\"no-such-model\""));
        assertThatThrownBy(() -> Models.decode(new SafeTensors.RawContents(c.arrays(), unknown), "x"))
                .hasMessageContaining("unknown model 'no-such-model'").hasMessageContaining("test-pair");
        Map<String, ?> missing = new HashMap<>(c.arrays());
        missing.remove("inner.weights");
        @SuppressWarnings("unchecked")
        var m = (Map<String, dev.kiln.core.io.ArrayData>) missing;
        assertThatThrownBy(() -> Models.decode(new SafeTensors.RawContents(m, c.metadata()), "cut.safetensors"))
                .isInstanceOf(ModelFormatException.class).hasMessageContaining("array 'inner.weights' is missing");
    }

    @Test
    void savingAnUnknownTypeNamesItAndTheSaveableOnes() {
        assertThatThrownBy(() -> Models.save("a string", dir.resolve("s")))
                .hasMessageContaining("no model codec for java.lang.String").hasMessageContaining("Pair");
        assertThat(dir.resolve("s")).doesNotExist();
    }

    @Test
    void loadingAsTheWrongTypeSaysWhatItHolds() throws Exception {
        Path file = dir.resolve("m");
        Models.save(model, file);
        assertThatThrownBy(() -> Models.load(file, Runnable.class)).hasMessageContaining("holds a").hasMessageContaining("Pair");
    }
}

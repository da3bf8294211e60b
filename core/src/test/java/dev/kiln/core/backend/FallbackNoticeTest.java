package dev.kiln.core.backend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.core.backend.reference.ReferenceProvider;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** When falling back to the reference backend is explained, and when it is not. */
class FallbackNoticeTest {
    private static BackendProvider fake(String name, int priority) {
        return new BackendProvider() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public int priority() {
                return priority;
            }

            @Override
            public Availability probe() {
                throw new AssertionError("entries carry their availability");
            }

            @Override
            public Backend create() {
                throw new AssertionError("not created in these tests");
            }
        };
    }

    private static final Backends.Entry REFERENCE = new Backends.Entry(new ReferenceProvider(), Availability.yes("plain Java"));
    private static final Backends.Entry NO_VECTOR_API = new Backends.Entry(fake("cpu", 100),
            Availability.no("the Vector API module is not enabled: start the JVM with --add-modules jdk.incubator.vector"));

    @Test
    void aFasterBackendThatCannotRunIsNamedWithItsReasonAndFix() {
        Backends.Selection s = Backends.select(List.of(NO_VECTOR_API, REFERENCE), null);
        assertThat(s.chosen().name()).isEqualTo("reference");
        assertThat(FallbackNotice.message(s, Map.of())).hasValueSatisfying(m -> assertThat(m)
                .startsWith("kiln: falling back to the 'reference' backend")
                .contains("backend 'cpu' is on the class path but unavailable")
                .contains("--add-modules jdk.incubator.vector").contains("-Dkiln.backend.notice=false"));
    }

    @Test
    void aProviderPresentButMissingFromTheServicesFileIsNamedWithTheShadingFix() {
        List<Backends.Entry> entries = List.of(REFERENCE);
        // a class this loader has stands in for a Kiln provider whose services entry was lost
        Map<String, String> lost = FallbackNotice.unregistered(entries, getClass().getClassLoader(),
                Map.of(FallbackNoticeTest.class.getName(), "kiln-fake-backend", "dev.kiln.none.Missing", "kiln-absent"));
        assertThat(lost).containsOnlyKeys(FallbackNoticeTest.class.getName());
        assertThat(FallbackNotice.message(Backends.select(entries, null), lost)).hasValueSatisfying(m -> assertThat(m)
                .contains("kiln-fake-backend is on the class path")
                .contains("does not list " + FallbackNoticeTest.class.getName())
                .contains("ServicesResourceTransformer").doesNotContain("kiln-absent"));
    }

    @Test
    void noNoticeWhenReferenceIsRequestedOrAFasterBackendRunsOrNothingFasterExists() {
        assertThat(FallbackNotice.message(Backends.select(List.of(NO_VECTOR_API, REFERENCE), "reference"), Map.of()))
                .isEmpty();
        Backends.Entry cpu = new Backends.Entry(fake("cpu", 100), Availability.yes("AVX-512"));
        assertThat(FallbackNotice.message(Backends.select(List.of(cpu, REFERENCE), null), Map.of())).isEmpty();
        assertThat(FallbackNotice.message(Backends.select(List.of(REFERENCE), null), Map.of())).isEmpty();
        // a listed provider is not "lost", whatever its availability
        assertThat(FallbackNotice.unregistered(List.of(cpu), getClass().getClassLoader(),
                Map.of(cpu.provider().getClass().getName(), "kiln-fake"))).isEmpty();
    }
}

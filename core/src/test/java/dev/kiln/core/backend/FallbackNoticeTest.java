package dev.kiln.core.backend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.core.backend.reference.ReferenceProvider;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** When falling back to the reference backend is explained, and when it is not. */
class FallbackNoticeTest {
    private static final Backends.Entry REFERENCE = new Backends.Entry(new ReferenceProvider(), Availability.yes("plain Java"));
    private static final Backends.Entry NO_VECTOR_API = noVectorApi();

    private static Backends.Entry noVectorApi() {
        Availability no = Availability.no("the Vector API module is not enabled: start the JVM with --add-modules jdk.incubator.vector");
        return new Backends.Entry(BackendsTest.fake("cpu", 100, no), no);
    }

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
        Availability avx512 = Availability.yes("AVX-512");
        Backends.Entry cpu = new Backends.Entry(BackendsTest.fake("cpu", 100, avx512), avx512);
        assertThat(FallbackNotice.message(Backends.select(List.of(cpu, REFERENCE), null), Map.of())).isEmpty();
        assertThat(FallbackNotice.message(Backends.select(List.of(REFERENCE), null), Map.of())).isEmpty();
        // a listed provider is not "lost", whatever its availability
        assertThat(FallbackNotice.unregistered(List.of(cpu), getClass().getClassLoader(),
                Map.of(cpu.provider().getClass().getName(), "kiln-fake"))).isEmpty();
    }
}

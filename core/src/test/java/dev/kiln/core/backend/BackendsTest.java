package dev.kiln.core.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.core.backend.reference.ReferenceProvider;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackendsTest {
    /** A provider that only names itself and reports {@code a}; FallbackNoticeTest uses it too. */
    static BackendProvider fake(String name, int priority, Availability a) {
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
                return a;
            }

            @Override
            public Backend create() {
                throw new AssertionError("not created in these tests");
            }
        };
    }

    private static List<Backends.Entry> entries() {
        return List.of(
                new Backends.Entry(fake("gpu", 200, Availability.no("no OpenCL platform")), Availability.no("no OpenCL platform")),
                new Backends.Entry(fake("cpu", 100, Availability.yes("AVX2")), Availability.yes("AVX2")),
                new Backends.Entry(new ReferenceProvider(), Availability.yes("plain Java")));
    }

    @Test
    void picksHighestPriorityAvailable() {
        Backends.Selection s = Backends.select(entries(), null);
        assertThat(s.chosen().name()).isEqualTo("cpu");
        assertThat(s.why()).contains("highest priority");
    }

    @Test
    void honoursRequestedName() {
        assertThat(Backends.select(entries(), "reference").chosen().name()).isEqualTo("reference");
    }

    @Test
    void unavailableRequestListsEveryBackendAndReason() {
        assertThatThrownBy(() -> Backends.select(entries(), "gpu"))
                .isInstanceOf(BackendUnavailableException.class)
                .hasMessageContaining("'gpu' was requested but is not available: no OpenCL platform")
                .hasMessageContaining("cpu").hasMessageContaining("reference");
    }

    @Test
    void unknownRequestListsEveryBackend() {
        assertThatThrownBy(() -> Backends.select(entries(), "nope"))
                .hasMessageContaining("'nope'").hasMessageContaining("no such backend")
                .hasMessageContaining("gpu").hasMessageContaining("unavailable: no OpenCL platform");
    }

    @Test
    void discoveryFindsTheReferenceBackendThroughServiceLoader() {
        assertThat(Backends.discover()).extracting(Backends.Entry::name).contains("reference");
    }
}

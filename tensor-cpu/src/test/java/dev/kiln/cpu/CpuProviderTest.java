package dev.kiln.cpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.core.backend.Availability;
import dev.kiln.core.backend.BackendProvider;
import dev.kiln.core.backend.Backends;
import dev.kiln.core.tensor.Tensor;
import java.util.Optional;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class CpuProviderTest {
    @Test
    void missingVectorModuleIsReportedWithTheFlagToAdd() {
        Availability a = CpuProvider.probe(Optional.empty());
        assertThat(a.available()).isFalse();
        assertThat(a.reason()).contains("--add-modules jdk.incubator.vector");
    }

    @Test
    void foundByServiceLoaderAndPreferredOverReference() {
        BackendProvider cpu = ServiceLoader.load(BackendProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p.name().equals("cpu")).findFirst().orElseThrow();
        assertThat(cpu.priority()).isEqualTo(100);
        assertThat(cpu.probe().available()).as(cpu.probe().reason()).isTrue();
        assertThat(cpu.probe().reason()).contains("SIMD").contains("threads");
        Backends.Selection s = Backends.select(Backends.discover(), null);
        assertThat(s.chosen().name()).isEqualTo("cpu");
        Tensor x = Tensor.fromArray(cpu.create(), new float[] {1, 2, 3, 4}, 2, 2);
        assertThat(x.matmul(x).toArray()).containsExactly(7, 10, 15, 22);
    }

    @Test
    void threadCountComesFromPropertyThenEnvironment() {
        assertThat(CpuConfig.parse("3", "5", 2)).isEqualTo(3);
        assertThat(CpuConfig.parse(null, "5", 2)).isEqualTo(5);
        assertThat(CpuConfig.parse(" ", null, 2)).isEqualTo(2);
        assertThatThrownBy(() -> CpuConfig.parse("0", null, 2)).hasMessageContaining("-Dkiln.threads").hasMessageContaining("'0'");
        assertThatThrownBy(() -> CpuConfig.parse(null, "many", 2)).hasMessageContaining("KILN_THREADS").hasMessageContaining("'many'");
    }

    @Test
    void surefireRunsWithTheConfiguredThreadCount() {
        assertThat(new CpuProvider().create()).isInstanceOfSatisfying(CpuBackend.class,
                b -> assertThat(b.threads()).isEqualTo(CpuConfig.threads()));
    }
}

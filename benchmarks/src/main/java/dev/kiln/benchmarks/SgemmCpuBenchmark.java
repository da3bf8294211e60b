package dev.kiln.benchmarks;

import dev.kiln.core.backend.Backend;
import dev.kiln.core.tensor.Tensor;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * SGEMM on the cpu backend, N = 64..2048, the MLP shapes and the k-means-on-MNIST shapes: shapes are MxKxN. Time per product; GFLOPS = 2*M*K*N / time.
 */
@State(Scope.Benchmark)
// sample time: percentiles (p0 = best, p50 = median) stay meaningful on a shared, loaded machine
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class SgemmCpuBenchmark {
    @Param({"64x64x64", "128x128x128", "256x256x256", "512x512x512", "1024x1024x1024", "2048x2048x2048", "64x784x128", "64x128x10",
        "60000x784x10", "60000x784x4"}) // the last two: k-means distances on MNIST (narrow-result path)
    public String shape;

    private Backend backend;
    private Tensor a;
    private Tensor b;

    @Setup
    public void setUp() {
        int[] s = Operands.mkn(shape);
        backend = Operands.backend("cpu");
        a = Operands.uniform(backend, 1, s[0], s[1]);
        b = Operands.uniform(backend, 2, s[1], s[2]);
    }

    @Benchmark
    public Tensor matmul() {
        return backend.matmul(a, b);
    }
}

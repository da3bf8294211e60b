package dev.kiln.benchmarks;

import dev.kiln.core.backend.Backend;
import dev.kiln.core.backend.BinaryOp;
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
 * Element-wise add and mul of two contiguous vectors of n floats, and the broadcast bias add
 * {@code [n/256, 256] + [256]}. Bytes moved per op: 12 n (two reads, one write), so
 * GB/s = 12 n / time.
 */
@State(Scope.Benchmark)
// sample time: percentiles (p0 = best, p50 = median) stay meaningful on a shared, loaded machine
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class ElementwiseBenchmark {
    @Param({"cpu", "reference"})
    public String backendName;

    @Param({"65536", "1048576"})
    public int n;

    private Backend backend;
    private Tensor x;
    private Tensor y;
    private Tensor rows;
    private Tensor bias;

    @Setup
    public void setUp() {
        backend = Operands.backend(backendName);
        x = Operands.uniform(backend, 1, n);
        y = Operands.uniform(backend, 2, n);
        rows = Operands.uniform(backend, 3, n / 256, 256);
        bias = Operands.uniform(backend, 4, 256);
    }

    @Benchmark
    public Tensor add() {
        return backend.binary(BinaryOp.ADD, x, y);
    }

    @Benchmark
    public Tensor mul() {
        return backend.binary(BinaryOp.MUL, x, y);
    }

    @Benchmark
    public Tensor addBias() {
        return backend.binary(BinaryOp.ADD, rows, bias);
    }
}

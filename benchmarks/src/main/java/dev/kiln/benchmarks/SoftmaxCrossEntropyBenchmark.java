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

/** Per-sample softmax cross-entropy of logits [rows, classes] (fused on cpu, composed on reference). */
@State(Scope.Benchmark)
// sample time: percentiles (p0 = best, p50 = median) stay meaningful on a shared, loaded machine
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class SoftmaxCrossEntropyBenchmark {
    @Param({"cpu", "reference"})
    public String backendName;

    @Param({"64x10", "1024x1000"})
    public String shape;

    private Backend backend;
    private Tensor logits;
    private Tensor labels;

    @Setup
    public void setUp() {
        String[] p = shape.split("x");
        int rows = Integer.parseInt(p[0]);
        int classes = Integer.parseInt(p[1]);
        backend = Operands.backend(backendName);
        logits = Operands.uniform(backend, 1, rows, classes);
        float[] l = new float[rows];
        for (int i = 0; i < rows; i++) {
            l[i] = (i * 7919) % classes;
        }
        labels = Tensor.fromArray(backend, l, rows);
    }

    @Benchmark
    public Tensor softmaxCrossEntropy() {
        return backend.softmaxCrossEntropy(logits, labels);
    }
}

package dev.kiln.cpu;

import static dev.kiln.cpu.Oracle.on;
import static dev.kiln.cpu.Oracle.sameBits;
import static dev.kiln.cpu.Oracle.values;

import dev.kiln.core.backend.BinaryOp;
import dev.kiln.core.backend.ReduceOp;
import dev.kiln.core.backend.UnaryOp;
import dev.kiln.core.tensor.Tensor;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Repeated runs give the same bits, and so do different thread counts (work is split by size). */
class DeterminismTest {
    private static final List<Function<CpuBackend, Tensor>> OPS = List.of(
            b -> b.matmul(on(b, values(1, 300 * 500), 300, 500), on(b, values(2, 500 * 410), 500, 410)),
            b -> b.matmul(on(b, values(3, 64 * 784), 64, 784), on(b, values(4, 128 * 784), 128, 784).t()),
            b -> b.matmul(on(b, values(5, 8 * 40 * 30), 8, 40, 30), on(b, values(6, 8 * 30 * 20), 8, 30, 20)),
            b -> b.reduce(ReduceOp.SUM, on(b, values(7, 1_000_000), 1_000_000), new int[] {0}, false),
            b -> b.reduce(ReduceOp.MEAN, on(b, values(8, 5000 * 33), 5000, 33), new int[] {0}, false),
            b -> b.reduce(ReduceOp.SUM, on(b, values(9, 5000 * 33), 5000, 33).t(), new int[] {1}, true),
            b -> b.softmax(on(b, values(10, 4000 * 10), 4000, 10), 1),
            b -> b.softmaxCrossEntropy(on(b, values(11, 4000 * 10), 4000, 10), on(b, labels(4000, 10), 4000)),
            b -> b.binary(BinaryOp.MUL, on(b, values(12, 400 * 300), 400, 300), on(b, values(13, 300), 300)),
            b -> b.unary(UnaryOp.TANH, on(b, values(14, 200_000), 200_000)),
            b -> b.randomNormal(new int[] {100_000}, 42, 0, 0f, 1f),
            b -> b.indexAdd(b.full(new int[] {50, 64}, 0f), 0, on(b, labels(3000, 50), 3000), on(b, values(15, 3000 * 64), 3000, 64)),
            b -> b.indexAdd(b.full(new int[] {10, 40}, 1f), 0, on(b, labels(30000, 10), 30000), on(b, values(16, 30000 * 40), 30000, 40)),
            b -> b.matmul(on(b, values(17, 3001 * 100), 3001, 100), on(b, values(18, 100 * 10), 100, 10)),
            b -> b.matmul(on(b, values(19, 3001 * 100), 3001, 100), on(b, values(20, 100 * 3), 100, 3)));

    private static float[] labels(int n, int classes) {
        float[] l = new float[n];
        for (int i = 0; i < n; i++) {
            l[i] = (i * 13) % classes;
        }
        return l;
    }

    @Test
    void repeatedRunsAndThreadCountsGiveIdenticalBits() {
        try (CpuBackend one = new CpuBackend(1); CpuBackend two = new CpuBackend(2); CpuBackend four = new CpuBackend(4)) {
            for (Function<CpuBackend, Tensor> op : OPS) {
                Tensor first = op.apply(two);
                for (int run = 0; run < 3; run++) {
                    sameBits(op.apply(two), first);
                }
                sameBits(op.apply(one), first);
                sameBits(op.apply(four), first);
            }
        }
    }
}

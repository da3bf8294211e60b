package dev.kiln.cpu;

import static dev.kiln.cpu.Oracle.CPU;
import static dev.kiln.cpu.Oracle.REF;
import static dev.kiln.cpu.Oracle.close;
import static dev.kiln.cpu.Oracle.on;
import static dev.kiln.cpu.Oracle.sameBits;
import static dev.kiln.cpu.Oracle.values;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.core.backend.Backend;
import dev.kiln.core.backend.BinaryOp;
import dev.kiln.core.tensor.Tensor;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class SoftmaxTest {
    private static List<Function<Backend, Tensor>> inputs() {
        float[] withNan = values(3, 5 * 12);
        withNan[14] = Float.NaN;
        float[] big = values(4, 7 * 12);
        big[0] = 1e4f; // large logits must not overflow
        big[30] = -1e4f;
        return List.of(b -> on(b, values(1, 64 * 10), 64, 10), b -> on(b, values(2, 4 * 6 * 5), 4, 6, 5),
                b -> on(b, values(2, 4 * 6 * 5), 5, 6, 4).permute(2, 1, 0), b -> on(b, withNan, 5, 12),
                b -> on(b, big, 7, 12), b -> on(b, values(5, 3000 * 40), 3000, 40), b -> on(b, new float[0], 0, 3));
    }

    @Test
    void softmaxAndLogSoftmaxMatchTheReferenceCompositionOnEveryAxis() {
        for (Function<Backend, Tensor> in : inputs()) {
            Tensor c = in.apply(CPU);
            Tensor r = in.apply(REF);
            for (int axis = 0; axis < c.rank(); axis++) {
                close(CPU.softmax(c, axis), REF.softmax(r, axis), 1e-6f);
                close(CPU.logSoftmax(c, axis), REF.logSoftmax(r, axis), 1e-6f);
            }
        }
    }

    @Test
    void crossEntropyGradientIsTheComposedGradientBitForBit() {
        float[] logits = values(11, 64 * 10);
        logits[7] = Float.NaN; // a NaN row stays NaN
        float[] labels = new float[64];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = (i * 3) % 10;
        }
        float[] g = values(12, 64);
        Tensor x = on(CPU, logits, 64, 10);
        Tensor y = on(CPU, labels, 64);
        Tensor gt = on(CPU, g, 64);
        Tensor composed = CPU.binary(BinaryOp.MUL,
                CPU.binary(BinaryOp.SUB, CPU.softmax(x, 1), CPU.oneHot(y, 10)), gt.unsqueeze(1));
        sameBits(CPU.softmaxCrossEntropyGrad(x, y, gt), composed);
        Tensor xt = on(CPU, logits, 10, 64).t(); // a strided view, and one gradient for every row
        Tensor g1 = on(CPU, new float[] {1f / 64}, 1).expand(64);
        Tensor composedT = CPU.binary(BinaryOp.MUL,
                CPU.binary(BinaryOp.SUB, CPU.softmax(xt, 1), CPU.oneHot(y, 10)), g1.unsqueeze(1));
        sameBits(CPU.softmaxCrossEntropyGrad(xt, y, g1), composedT);
    }

    @Test
    void crossEntropyMatchesReference() {
        float[] logits = values(10, 300 * 10);
        float[] labels = new float[300];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = (i * 7) % 10;
        }
        close(CPU.softmaxCrossEntropy(on(CPU, logits, 300, 10), on(CPU, labels, 300)),
                REF.softmaxCrossEntropy(on(REF, logits, 300, 10), on(REF, labels, 300)), 1e-6f);
        close(CPU.softmaxCrossEntropy(on(CPU, logits, 10, 300).t(), on(CPU, labels, 300)),
                REF.softmaxCrossEntropy(on(REF, logits, 10, 300).t(), on(REF, labels, 300)), 1e-6f);
        logits[25] = Float.NaN;
        close(CPU.softmaxCrossEntropy(on(CPU, logits, 300, 10), on(CPU, labels, 300)),
                REF.softmaxCrossEntropy(on(REF, logits, 300, 10), on(REF, labels, 300)), 1e-6f);
        assertThatThrownBy(() -> CPU.softmaxCrossEntropy(on(CPU, values(1, 6), 2, 3), on(CPU, new float[] {0, 3}, 2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("label 3.0 at row 1");
    }
}

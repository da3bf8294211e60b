package dev.kiln.cpu;

import static dev.kiln.cpu.Oracle.CPU;
import static dev.kiln.cpu.Oracle.REF;
import static dev.kiln.cpu.Oracle.close;
import static dev.kiln.cpu.Oracle.exact;
import static dev.kiln.cpu.Oracle.on;
import static dev.kiln.cpu.Oracle.values;

import dev.kiln.core.backend.Backend;
import dev.kiln.core.backend.BinaryOp;
import dev.kiln.core.backend.UnaryOp;
import dev.kiln.core.tensor.Tensor;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ElementwiseTest {
    private static final float[] SPECIAL = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, -0f, 0f, 1e-30f,
        -1e30f, 88.8f, -104f, 1f, -1f, 0.5f, Float.MIN_VALUE, Float.MAX_VALUE, -3.25f, 7f, 1e-7f};

    /** Input variants built the same way on both backends: contiguous, transposed, sliced, expanded. */
    private static Tensor[] inputs(Backend b) {
        Tensor big = on(b, values(1, 301 * 257), 301, 257); // > grain: runs on several threads
        Tensor small = on(b, values(2, 6 * 37), 6, 37);
        Tensor special = on(b, SPECIAL, SPECIAL.length);
        return new Tensor[] {big, big.t(), small.slice(1, 3, 30), small.t().slice(0, 1, 36), special,
            on(b, values(3, 37), 37, 1).expand(37, 40), on(b, new float[0], 0, 5), small.slice(0, 2, 3)};
    }

    @ParameterizedTest
    @EnumSource(UnaryOp.class)
    void unaryMatchesReferenceExactly(UnaryOp op) {
        Tensor[] c = inputs(CPU);
        Tensor[] r = inputs(REF);
        for (int i = 0; i < c.length; i++) {
            exact(CPU.unary(op, c[i]), REF.unary(op, r[i]));
        }
    }

    private static void binaryCase(BinaryOp op, Function<Backend, Tensor[]> make) {
        Tensor[] c = make.apply(CPU);
        Tensor[] r = make.apply(REF);
        // POW goes through Math.pow in both; all others are exact IEEE operations
        exact(CPU.binary(op, c[0], c[1]), REF.binary(op, r[0], r[1]));
    }

    @ParameterizedTest
    @EnumSource(BinaryOp.class)
    void binaryMatchesReferenceForEveryBroadcastPattern(BinaryOp op) {
        binaryCase(op, b -> new Tensor[] {on(b, values(4, 300 * 130), 300, 130), on(b, values(5, 300 * 130), 300, 130)});
        binaryCase(op, b -> new Tensor[] {on(b, values(6, 64 * 10), 64, 10), on(b, values(7, 10), 10)}); // [N,C]+[C]
        binaryCase(op, b -> new Tensor[] {on(b, values(8, 50 * 33), 50, 33), on(b, values(9, 50), 50, 1)}); // [N,C]+[N,1]
        binaryCase(op, b -> new Tensor[] {on(b, values(10, 41), 41), on(b, new float[] {0.75f})}); // scalar
        binaryCase(op, b -> new Tensor[] {on(b, new float[] {-1.5f}, 1, 1), on(b, values(11, 41 * 3), 41, 3)});
        binaryCase(op, b -> new Tensor[] {on(b, values(12, 19), 1, 19), on(b, values(13, 23), 23, 1)}); // outer
        binaryCase(op, b -> new Tensor[] {on(b, values(14, 40 * 70), 40, 70).t(), on(b, values(15, 70 * 40), 70, 40)});
        binaryCase(op, b -> new Tensor[] {on(b, values(16, 2 * 3 * 20), 2, 3, 20).permute(2, 0, 1),
            on(b, values(17, 3), 3).expand(2, 3).unsqueeze(0)});
        binaryCase(op, b -> new Tensor[] {on(b, new float[0], 0, 4), on(b, values(18, 4), 4)});
        binaryCase(op, b -> new Tensor[] {on(b, SPECIAL, SPECIAL.length, 1), on(b, SPECIAL, 1, SPECIAL.length)});
        binaryCase(op, b -> new Tensor[] {on(b, SPECIAL, SPECIAL.length), on(b, new float[] {Float.NaN})});
    }

    @Test
    void whereMatchesReference() {
        Function<Backend, Tensor[]> make = b -> {
            float[] cond = values(20, 200 * 170);
            for (int i = 0; i < cond.length; i += 3) {
                cond[i] = i % 2 == 0 ? 0f : Float.NaN; // zeros pick b, NaN counts as true
            }
            return new Tensor[] {on(b, cond, 200, 170), on(b, values(21, 200 * 170), 200, 170), on(b, values(22, 170), 170),
                on(b, new float[] {3f}), on(b, values(23, 200), 200, 1)};
        };
        Tensor[] c = make.apply(CPU);
        Tensor[] r = make.apply(REF);
        exact(CPU.where(c[0], c[1], c[2]), REF.where(r[0], r[1], r[2]));
        exact(CPU.where(c[0], c[3], c[4]), REF.where(r[0], r[3], r[4]));
        exact(CPU.where(c[0].t(), c[1].t(), c[3]), REF.where(r[0].t(), r[1].t(), r[3]));
        exact(CPU.where(c[2], c[4], c[3]), REF.where(r[2], r[4], r[3]));
    }

    @Test
    void memoryOpsResolveViews() {
        Tensor x = on(CPU, values(30, 5 * 6 * 7), 5, 6, 7);
        Tensor rx = on(REF, values(30, 5 * 6 * 7), 5, 6, 7);
        Tensor[] views = {x.permute(2, 0, 1), x.slice(1, 2, 5), x.slice(2, 1, 2).expand(5, 6, 9), x.t().slice(0, 0, 0)};
        Tensor[] rviews = {rx.permute(2, 0, 1), rx.slice(1, 2, 5), rx.slice(2, 1, 2).expand(5, 6, 9), rx.t().slice(0, 0, 0)};
        for (int i = 0; i < views.length; i++) {
            exact(CPU.contiguous(views[i]), REF.contiguous(rviews[i]));
            org.assertj.core.api.Assertions.assertThat(CPU.toArray(views[i])).containsExactly(REF.toArray(rviews[i]));
        }
        exact(CPU.full(new int[] {3, 0, 2}, 5f), REF.full(new int[] {3, 0, 2}, 5f));
        exact(CPU.full(new int[] {4, 9}, -2.5f), REF.full(new int[] {4, 9}, -2.5f));
        exact(CPU.randomUniform(new int[] {70_001}, 9, 17, -1f, 3f), REF.randomUniform(new int[] {70_001}, 9, 17, -1f, 3f));
        exact(CPU.randomNormal(new int[] {301, 7}, 9, 5, 1f, 2f), REF.randomNormal(new int[] {301, 7}, 9, 5, 1f, 2f));
    }

    @Test
    void elementwiseResultsKeepAPermutedOperandLayout() {
        // a weight stored transposed and its gradient: the update keeps the layout (one pass, no copy)
        Tensor w = on(CPU, values(40, 784 * 128), 784, 128).t();
        Tensor g = on(CPU, values(41, 784 * 128), 784, 128).t();
        Tensor rw = on(REF, values(40, 784 * 128), 784, 128).t();
        Tensor rg = on(REF, values(41, 784 * 128), 784, 128).t();
        Tensor[] results = {CPU.axpby(1f, w, -0.01f, g), CPU.binary(BinaryOp.MUL, w, g), CPU.unary(UnaryOp.EXP, w),
            CPU.binary(BinaryOp.ADD, w, on(CPU, new float[] {2f}))};
        Tensor[] expected = {REF.axpby(1f, rw, -0.01f, rg), REF.binary(BinaryOp.MUL, rw, rg), REF.unary(UnaryOp.EXP, rw),
            REF.binary(BinaryOp.ADD, rw, on(REF, new float[] {2f}))};
        for (int i = 0; i < results.length; i++) {
            org.assertj.core.api.Assertions.assertThat(results[i].strides()).as("result %d strides", i).containsExactly(1, 128);
            exact(results[i], expected[i]);
        }
        // a contiguous first operand decides for a mixed pair; sliced (non-dense) views give contiguous results
        org.assertj.core.api.Assertions.assertThat(CPU.binary(BinaryOp.SUB, g.contiguous(), w).isContiguous()).isTrue();
        org.assertj.core.api.Assertions.assertThat(CPU.unary(UnaryOp.NEG, w.slice(0, 1, 9)).isContiguous()).isTrue();
        exact(CPU.axpby(2f, w.contiguous(), 3f, g), REF.axpby(2f, rw.contiguous(), 3f, rg));
    }
}

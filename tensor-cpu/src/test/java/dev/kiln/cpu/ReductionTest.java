package dev.kiln.cpu;

import static dev.kiln.cpu.Oracle.CPU;
import static dev.kiln.cpu.Oracle.REF;
import static dev.kiln.cpu.Oracle.close;
import static dev.kiln.cpu.Oracle.exact;
import static dev.kiln.cpu.Oracle.on;
import static dev.kiln.cpu.Oracle.values;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.core.backend.Backend;
import dev.kiln.core.backend.ReduceOp;
import dev.kiln.core.tensor.Tensor;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ReductionTest {
    private static final List<int[]> AXES_3D = List.of(new int[] {0}, new int[] {1}, new int[] {2}, new int[] {0, 1},
            new int[] {0, 2}, new int[] {1, 2}, new int[] {0, 1, 2});

    private static List<Function<Backend, Tensor>> inputs() {
        return List.of(
                b -> on(b, values(1, 7 * 9 * 35), 7, 9, 35),
                b -> on(b, values(2, 7 * 9 * 35), 7, 9, 35).permute(2, 0, 1),
                b -> on(b, values(3, 6 * 40 * 5), 6, 40, 5).slice(1, 3, 31),
                b -> on(b, values(4, 9 * 3), 9, 1, 3).expand(9, 4, 3),
                b -> on(b, new float[0], 3, 0, 4),
                b -> on(b, values(5, 200 * 3 * 180), 200, 3, 180)); // large: split over threads
    }

    @ParameterizedTest
    @EnumSource(ReduceOp.class)
    void reduceMatchesReferenceOverEveryAxisSet(ReduceOp op) {
        // float lanes versus the reference's double accumulator: a few ulps per hundred terms
        float tol = op == ReduceOp.MAX || op == ReduceOp.MIN ? 0f : 2e-5f;
        for (Function<Backend, Tensor> in : inputs()) {
            Tensor c = in.apply(CPU);
            Tensor r = in.apply(REF);
            for (int[] axes : AXES_3D) {
                for (boolean keep : new boolean[] {false, true}) {
                    close(CPU.reduce(op, c, axes, keep), REF.reduce(op, r, axes, keep), tol);
                }
            }
        }
    }

    @Test
    void longContiguousSumsAndBatchAxisSums() {
        float[] v = values(7, 1_000_003);
        close(CPU.reduce(ReduceOp.SUM, on(CPU, v, v.length), new int[] {0}, false),
                REF.reduce(ReduceOp.SUM, on(REF, v, v.length), new int[] {0}, false), 1e-4f);
        float[] u = java.util.Arrays.copyOf(v, 1_000_000);
        close(CPU.reduce(ReduceOp.MEAN, on(CPU, u, 1000, 1000), new int[] {0, 1}, true),
                REF.reduce(ReduceOp.MEAN, on(REF, u, 1000, 1000), new int[] {0, 1}, true), 1e-5f);
        float[] w = values(8, 3000 * 17);
        close(CPU.reduce(ReduceOp.SUM, on(CPU, w, 3000, 17), new int[] {0}, false),
                REF.reduce(ReduceOp.SUM, on(REF, w, 3000, 17), new int[] {0}, false), 1e-4f);
        close(CPU.reduce(ReduceOp.MAX, on(CPU, w, 17, 3000).t(), new int[] {0}, false),
                REF.reduce(ReduceOp.MAX, on(REF, w, 17, 3000).t(), new int[] {0}, false), 0f);
    }

    @Test
    void emptyAxesGiveIdentitiesAndNanPropagates() {
        for (ReduceOp op : ReduceOp.values()) {
            exact(CPU.reduce(op, on(CPU, new float[0], 2, 0), new int[] {1}, false),
                    REF.reduce(op, on(REF, new float[0], 2, 0), new int[] {1}, false));
        }
        float[] v = values(9, 4 * 50);
        v[77] = Float.NaN;
        for (ReduceOp op : ReduceOp.values()) {
            for (int axis = 0; axis < 2; axis++) {
                close(CPU.reduce(op, on(CPU, v, 4, 50), new int[] {axis}, false),
                        REF.reduce(op, on(REF, v, 4, 50), new int[] {axis}, false), 2e-5f);
            }
        }
    }

    @Test
    void argmaxMatchesReferenceWithTiesAndNan() {
        float[] v = values(10, 6 * 7 * 8);
        v[3] = 5f;
        v[9] = 5f; // tie: first wins
        v[100] = Float.NaN;
        v[101] = Float.NaN;
        for (int axis = 0; axis < 3; axis++) {
            for (boolean keep : new boolean[] {false, true}) {
                exact(CPU.argmax(on(CPU, v, 6, 7, 8), axis, keep), REF.argmax(on(REF, v, 6, 7, 8), axis, keep));
                exact(CPU.argmax(on(CPU, v, 6, 7, 8).permute(1, 2, 0), axis, keep),
                        REF.argmax(on(REF, v, 6, 7, 8).permute(1, 2, 0), axis, keep));
            }
        }
        float[] big = values(11, 4000 * 10);
        exact(CPU.argmax(on(CPU, big, 4000, 10), 1, false), REF.argmax(on(REF, big, 4000, 10), 1, false));
        exact(CPU.argmax(on(CPU, new float[0], 0, 3), 1, false), REF.argmax(on(REF, new float[0], 0, 3), 1, false));
        assertThatThrownBy(() -> CPU.argmax(on(CPU, new float[0], 3, 0), 1, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[3, 0]");
    }

    @Test
    void perChannelStatisticsOfABatchOfImages() {
        // batch norm's reductions: [N, C, H, W] over (0, 2, 3), rows of H*W with and without a tail
        for (int hw : new int[] {14, 28, 5}) {
            float[] v = values(40 + hw, 16 * 8 * hw * hw);
            v[3 * 8 * hw * hw + 2 * hw * hw + 7] = Float.NaN; // image 3, channel 2
            for (ReduceOp op : ReduceOp.values()) {
                float tol = op == ReduceOp.MAX || op == ReduceOp.MIN ? 0f : 2e-5f;
                close(CPU.reduce(op, on(CPU, v, 16, 8, hw, hw), new int[] {0, 2, 3}, true),
                        REF.reduce(op, on(REF, v, 16, 8, hw, hw), new int[] {0, 2, 3}, true), tol);
            }
        }
    }
}

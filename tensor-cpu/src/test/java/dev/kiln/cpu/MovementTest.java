package dev.kiln.cpu;

import static dev.kiln.cpu.Oracle.CPU;
import static dev.kiln.cpu.Oracle.REF;
import static dev.kiln.cpu.Oracle.close;
import static dev.kiln.cpu.Oracle.exact;
import static dev.kiln.cpu.Oracle.on;
import static dev.kiln.cpu.Oracle.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.core.backend.Backend;
import dev.kiln.core.tensor.Tensor;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class MovementTest {
    private static Tensor idx(Backend b, float... v) {
        return on(b, v, v.length);
    }

    @Test
    void concatAlongEachAxisWithViewsAndEmptyPieces() {
        Function<Backend, List<Tensor>> make = b -> List.of(on(b, values(1, 4 * 3 * 5), 4, 3, 5),
                on(b, values(2, 5 * 2 * 4), 5, 2, 4).permute(2, 1, 0), on(b, new float[0], 4, 0, 5),
                on(b, values(3, 4 * 5), 4, 1, 5));
        List<Tensor> c = make.apply(CPU);
        List<Tensor> r = make.apply(REF);
        exact(CPU.concat(c, 1), REF.concat(r, 1));
        Function<Backend, List<Tensor>> rows = b -> List.of(on(b, values(4, 300 * 200), 300, 200),
                on(b, values(5, 200 * 100), 200, 100).t(), on(b, values(6, 200), 1, 200));
        exact(CPU.concat(rows.apply(CPU), 0), REF.concat(rows.apply(REF), 0));
        Function<Backend, List<Tensor>> cols = b -> List.of(on(b, values(7, 6 * 2), 6, 2), on(b, values(8, 6 * 3), 3, 6).t());
        exact(CPU.concat(cols.apply(CPU), 1), REF.concat(cols.apply(REF), 1));
    }

    @Test
    void indexSelectOnContiguousAndStridedInputs() {
        float[] v = values(10, 7 * 6 * 5);
        float[] ix = {3, 0, 3, 6, 1};
        for (int axis = 0; axis < 3; axis++) {
            float[] ia = axis == 0 ? ix : new float[] {4, 0, 4, 1};
            exact(CPU.indexSelect(on(CPU, v, 7, 6, 5), axis, idx(CPU, ia)), REF.indexSelect(on(REF, v, 7, 6, 5), axis, idx(REF, ia)));
            exact(CPU.indexSelect(on(CPU, v, 5, 6, 7).permute(2, 1, 0), axis, idx(CPU, ia)),
                    REF.indexSelect(on(REF, v, 5, 6, 7).permute(2, 1, 0), axis, idx(REF, ia)));
        }
        exact(CPU.indexSelect(on(CPU, v, 7, 30), 0, idx(CPU)), REF.indexSelect(on(REF, v, 7, 30), 0, idx(REF)));
        float[] emb = values(11, 1000 * 64);
        float[] many = new float[500];
        for (int i = 0; i < many.length; i++) {
            many[i] = (i * 37) % 1000;
        }
        exact(CPU.indexSelect(on(CPU, emb, 1000, 64), 0, idx(CPU, many)), REF.indexSelect(on(REF, emb, 1000, 64), 0, idx(REF, many)));
        assertThatThrownBy(() -> CPU.indexSelect(on(CPU, v, 7, 30), 0, idx(CPU, 7)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("index 7.0");
    }

    @Test
    void indexAddAccumulatesRepeatedIndices() {
        float[] base = values(20, 6 * 4);
        float[] src = values(21, 5 * 4);
        float[] ix = {2, 0, 2, 5, 2};
        close(CPU.indexAdd(on(CPU, base, 6, 4), 0, idx(CPU, ix), on(CPU, src, 5, 4)),
                REF.indexAdd(on(REF, base, 6, 4), 0, idx(REF, ix), on(REF, src, 5, 4)), 0f);
        close(CPU.indexAdd(on(CPU, base, 4, 6).t(), 1, idx(CPU, 1, 1, 3), on(CPU, values(22, 18), 3, 6).t().slice(0, 0, 6)),
                REF.indexAdd(on(REF, base, 4, 6).t(), 1, idx(REF, 1, 1, 3), on(REF, values(22, 18), 3, 6).t().slice(0, 0, 6)), 0f);
        float[] bigIdx = new float[3000]; // an embedding gradient: many repeats, split across threads by columns
        for (int i = 0; i < bigIdx.length; i++) {
            bigIdx[i] = (i * 7) % 50;
        }
        float[] grads = values(23, 3000 * 64);
        close(CPU.indexAdd(on(CPU, new float[50 * 64], 50, 64), 0, idx(CPU, bigIdx), on(CPU, grads, 3000, 64)),
                REF.indexAdd(on(REF, new float[50 * 64], 50, 64), 0, idx(REF, bigIdx), on(REF, grads, 3000, 64)), 0f);
        assertThatThrownBy(() -> CPU.indexAdd(on(CPU, base, 6, 4), 0, idx(CPU, -1), on(CPU, values(1, 4), 1, 4)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("index -1.0");
    }

    @Test
    void indexAddOfManyRowsIntoFewSumsByRowChunks() {
        // k-means' per-cluster sums: 20000 rows into 7, summed in fixed chunks of rows, then chunk by
        // chunk: against exact (double) sums, within float rounding of the terms' magnitudes
        int rows = 20000;
        int cols = 33;
        float[] ix = new float[rows];
        for (int i = 0; i < rows; i++) {
            ix[i] = (i * 13 + i / 100) % 7;
        }
        float[] base = values(24, 7 * cols);
        float[] wide = values(26, rows * 2 * cols);
        double[] exact = new double[7 * cols];
        double[] magnitude = new double[7 * cols];
        for (int e = 0; e < exact.length; e++) {
            exact[e] = base[e];
            magnitude[e] = Math.abs(base[e]);
        }
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                float v = wide[i * 2 * cols + 10 + j];
                exact[(int) ix[i] * cols + j] += v;
                magnitude[(int) ix[i] * cols + j] += Math.abs(v);
            }
        }
        Tensor contiguousSrc = on(CPU, wide, rows, 2 * cols).slice(1, 10, 10 + cols).contiguous();
        Tensor stridedSrc = on(CPU, wide, rows, 2 * cols).slice(1, 10, 10 + cols); // every row's middle
        for (Tensor src : new Tensor[] {contiguousSrc, stridedSrc}) {
            float[] got = CPU.indexAdd(on(CPU, base, 7, cols), 0, idx(CPU, ix), src).toArray();
            for (int e = 0; e < exact.length; e++) {
                assertThat(Math.abs(got[e] - exact[e])).as("element %d", e).isLessThanOrEqualTo(1e-5 * magnitude[e]);
            }
        }
    }

    @Test
    void oneHotIncludingOutOfRangeAndFractional() {
        float[] labels = {0, 3, 9, -1, 10, 2.5f, 4};
        exact(CPU.oneHot(idx(CPU, labels), 10), REF.oneHot(idx(REF, labels), 10));
        exact(CPU.oneHot(on(CPU, new float[] {1, 2, 0, 1, 2, 0}, 3, 2).t(), 3), REF.oneHot(on(REF, new float[] {1, 2, 0, 1, 2, 0}, 3, 2).t(), 3));
        exact(CPU.oneHot(on(CPU, new float[0], 0), 4), REF.oneHot(on(REF, new float[0], 0), 4));
    }
}

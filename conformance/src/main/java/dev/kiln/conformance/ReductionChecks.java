package dev.kiln.conformance;

import dev.kiln.core.backend.ReduceOp;
import dev.kiln.core.tensor.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Reductions and argmax, compared with the reference backend. */
public abstract class ReductionChecks extends ElementwiseChecks {
    private static final Object[][] CASES = {
        {new int[] {}, new int[] {}}, {new int[] {7}, new int[] {0}}, {new int[] {3, 4}, new int[] {0}},
        {new int[] {3, 4}, new int[] {1}}, {new int[] {3, 4}, new int[] {0, 1}}, {new int[] {2, 3, 4}, new int[] {1}},
        {new int[] {2, 3, 4}, new int[] {0, 2}}, {new int[] {0, 3}, new int[] {0}}, {new int[] {0, 3}, new int[] {1}},
        {new int[] {1031}, new int[] {0}}, {new int[] {67, 129}, new int[] {1}}, {new int[] {67, 129}, new int[] {0}},
        {new int[] {5, 1, 4}, new int[] {1}}, {new int[] {64, 10}, new int[] {1}}};

    @ParameterizedTest
    @EnumSource(ReduceOp.class)
    void reduceOverAxes(ReduceOp op) {
        for (Object[] c : CASES) {
            int[] shape = (int[]) c[0];
            int[] axes = (int[]) c[1];
            float[] x = values(21, Shape.numel(shape));
            for (boolean keep : new boolean[] {false, true}) {
                compare(op + " " + Shape.str(shape) + " axes " + Shape.str(axes) + " keep " + keep, 1e-5f, 1e-5f,
                        b -> b.reduce(op, on(b, x, shape), axes, keep));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(ReduceOp.class)
    void reduceOnViewsAndSpecialValues(ReduceOp op) {
        float[] x = values(22, 6 * 10);
        compare(op + " transposed", 1e-5f, 1e-5f, b -> b.reduce(op, on(b, x, 6, 10).t(), new int[] {1}, false));
        compare(op + " sliced", 1e-5f, 1e-5f, b -> b.reduce(op, on(b, x, 6, 10).slice(1, 3, 9), new int[] {0}, true));
        compare(op + " expanded", 1e-5f, 1e-5f,
                b -> b.reduce(op, on(b, x, 60, 1).expand(60, 4), new int[] {0}, false));
        compare(op + " special", 1e-5f, 1e-5f,
                b -> b.reduce(op, on(b, SPECIAL, 2, 7), new int[] {1}, false));
        float[] inf = {1, Float.POSITIVE_INFINITY, 2, Float.NEGATIVE_INFINITY, 3, 4};
        compare(op + " infinities", 1e-5f, 1e-5f, b -> b.reduce(op, on(b, inf, 3, 2), new int[] {0}, false));
    }

    @Test
    void argmaxTakesFirstMaximumAndNaN() {
        float[] x = values(23, 3 * 4 * 5);
        for (int axis = 0; axis < 3; axis++) {
            int a = axis;
            compare("argmax axis " + a, b -> b.argmax(on(b, x, 3, 4, 5), a, false));
            compare("argmax keep axis " + a, b -> b.argmax(on(b, x, 3, 4, 5), a, true));
        }
        float[] ties = {1, 3, 3, 0, 2, 2, 2, 2, 5, 5, 1, 5};
        compare("argmax ties", b -> b.argmax(on(b, ties, 3, 4), 1, false));
        float[] nan = {1, Float.NaN, 3, 2, 7, 1};
        compare("argmax NaN", b -> b.argmax(on(b, nan, 2, 3), 1, false));
        compare("argmax view", b -> b.argmax(on(b, x, 12, 5).t(), 1, false));
        float[] big = values(24, 64 * 1031);
        compare("argmax large", b -> b.argmax(on(b, big, 64, 1031), 1, false));
    }
}

package dev.kiln.core.tensor;

import dev.kiln.core.backend.ReduceOp;
import java.util.Arrays;

/** Reductions with their backward rules. */
final class Reductions {
    private Reductions() {
    }

    static Tensor reduce(ReduceOp op, Tensor x, int[] axes, boolean keepDims) {
        String name = op.name().toLowerCase();
        int[] ax = normalise(name, axes, x.rank());
        Tensor out = x.backend().reduce(op, x, ax, keepDims);
        return Autograd.record(out, name, new Tensor[] {x}, g -> {
            int[] kept = keptShape(x.rawShape(), ax);
            Tensor gk = g.reshape(kept);
            return new Tensor[] {switch (op) {
                case SUM -> gk.expand(x.rawShape());
                case MEAN -> gk.div(count(x.rawShape(), ax)).expand(x.rawShape());
                case MAX, MIN -> {
                    // ties share the gradient evenly (as PyTorch's amax/amin)
                    Tensor mask = x.eq(out.reshape(kept));
                    yield mask.mul(gk.div(mask.sum(ax, true)));
                }
            }};
        });
    }

    static int[] normalise(String op, int[] axes, int rank) {
        int[] ax = new int[axes.length];
        for (int i = 0; i < axes.length; i++) {
            ax[i] = Shape.axis(op, axes[i], rank);
        }
        Arrays.sort(ax);
        for (int i = 1; i < ax.length; i++) {
            if (ax[i] == ax[i - 1]) {
                throw new IllegalArgumentException(op + ": axis " + ax[i] + " given twice in " + Arrays.toString(axes));
            }
        }
        return ax;
    }

    static int[] keptShape(int[] shape, int[] axes) {
        int[] kept = shape.clone();
        for (int a : axes) {
            kept[a] = 1;
        }
        return kept;
    }

    private static float count(int[] shape, int[] axes) {
        long n = 1;
        for (int a : axes) {
            n *= shape[a];
        }
        return n;
    }
}

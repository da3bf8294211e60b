package dev.kiln.supervised.loss;

import dev.kiln.core.nn.Loss;
import dev.kiln.core.tensor.Shape;
import dev.kiln.core.tensor.Tensor;

/**
 * Multi-class hinge loss on scores {@code [N, C]} and integer labels {@code [N]}, mean over the
 * batch, with margin 1. Two standard forms:
 * <ul>
 *   <li>{@link Form#CRAMMER_SINGER} (default): {@code max(0, 1 + max_{j != y} s_j - s_y)}; only the
 *       most-violating wrong class is penalised.</li>
 *   <li>{@link Form#WESTON_WATKINS}: {@code sum_{j != y} max(0, 1 + s_j - s_y) / C}, every
 *       violating class is penalised; identical to PyTorch's {@code MultiMarginLoss} (p = 1).</li>
 * </ul>
 */
public final class MultiClassHinge implements Loss {
    public enum Form { CRAMMER_SINGER, WESTON_WATKINS }

    private final Form form;

    public MultiClassHinge() {
        this(Form.CRAMMER_SINGER);
    }

    public MultiClassHinge(Form form) {
        this.form = form;
    }

    @Override
    public Tensor compute(Tensor scores, Tensor labels) {
        if (scores.rank() != 2 || labels.rank() != 1 || labels.shape(0) != scores.shape(0)) {
            throw new IllegalArgumentException("multi-class hinge loss: expected scores [N, C] and labels [N], got "
                    + Shape.str(scores.shape()) + " and " + Shape.str(labels.shape()));
        }
        int classes = scores.shape(1);
        int[] y = labels.toIntArray();
        float[] raw = labels.toArray();
        for (int i = 0; i < y.length; i++) {
            if (y[i] < 0 || y[i] >= classes || raw[i] != y[i]) {
                throw new IllegalArgumentException("multi-class hinge loss: label " + raw[i] + " at position " + i
                        + " is not a class in [0, " + classes + ")");
            }
        }
        Tensor oneHot = Tensor.oneHot(labels, classes);
        Tensor correct = scores.mul(oneHot).sum(1, true);
        Tensor margins = scores.sub(correct).add(1f);
        if (form == Form.WESTON_WATKINS) {
            // the true class's own term is max(0, 1) = 1: mask it out
            Tensor masked = margins.relu().mul(oneHot.neg().add(1f));
            return masked.sum(1, false).div(classes).mean();
        }
        Tensor others = Tensor.where(oneHot, Tensor.full(scores.backend(), Float.NEGATIVE_INFINITY, 1), margins);
        return others.max(1, false).relu().mean();
    }

    @Override
    public String name() {
        return form == Form.CRAMMER_SINGER ? "multiclass_hinge" : "multi_margin";
    }
}

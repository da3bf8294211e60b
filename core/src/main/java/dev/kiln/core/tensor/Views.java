package dev.kiln.core.tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** View ops (no data copied unless noted) with their backward rules. */
final class Views {
    private Views() {
    }

    static Tensor reshape(Tensor x, int[] newShape) {
        int[] shape = inferShape(x, newShape);
        if (Arrays.equals(shape, x.rawShape())) {
            return x;
        }
        Tensor src = x.isContiguous() ? x : x.backend().contiguous(x);
        Tensor out = Tensor.view(src.storage(), shape, Shape.contiguousStrides(shape), src.offset());
        int[] original = x.rawShape();
        return Autograd.record(out, "reshape", new Tensor[] {x}, g -> new Tensor[] {g.reshape(original)});
    }

    private static int[] inferShape(Tensor x, int[] newShape) {
        int[] shape = newShape.clone();
        int infer = -1;
        long known = 1;
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] == -1) {
                if (infer >= 0) {
                    throw new IllegalArgumentException("reshape: only one -1 allowed in " + Shape.str(newShape));
                }
                infer = i;
            } else if (shape[i] < 0) {
                throw new IllegalArgumentException("reshape: negative dimension in " + Shape.str(newShape));
            } else {
                known *= shape[i];
            }
        }
        int n = x.numel();
        if (infer >= 0) {
            if (known == 0 || n % known != 0) {
                throw new IllegalArgumentException("reshape: cannot reshape " + Shape.str(x.rawShape()) + " ("
                        + n + " elements) into " + Shape.str(newShape));
            }
            shape[infer] = (int) (n / known);
        } else if (known != n) {
            throw new IllegalArgumentException("reshape: cannot reshape " + Shape.str(x.rawShape()) + " (" + n
                    + " elements) into " + Shape.str(newShape) + " (" + known + " elements)");
        }
        return shape;
    }

    static Tensor permute(Tensor x, int[] axes) {
        int r = x.rank();
        if (axes.length != r) {
            throw new IllegalArgumentException("permute: " + Arrays.toString(axes) + " is not a permutation of "
                    + r + " axes for shape " + Shape.str(x.rawShape()));
        }
        int[] perm = new int[r];
        boolean[] used = new boolean[r];
        for (int i = 0; i < r; i++) {
            perm[i] = Shape.axis("permute", axes[i], r);
            if (used[perm[i]]) {
                throw new IllegalArgumentException("permute: axis " + axes[i] + " repeated in " + Arrays.toString(axes));
            }
            used[perm[i]] = true;
        }
        int[] shape = new int[r];
        int[] strides = new int[r];
        int[] inverse = new int[r];
        for (int i = 0; i < r; i++) {
            shape[i] = x.rawShape()[perm[i]];
            strides[i] = x.rawStrides()[perm[i]];
            inverse[perm[i]] = i;
        }
        Tensor out = Tensor.view(x.storage(), shape, strides, x.offset());
        return Autograd.record(out, "permute", new Tensor[] {x}, g -> new Tensor[] {g.permute(inverse)});
    }

    static Tensor transpose(Tensor x, int a, int b) {
        int r = x.rank();
        int[] perm = new int[r];
        for (int i = 0; i < r; i++) {
            perm[i] = i;
        }
        int ia = Shape.axis("transpose", a, r);
        int ib = Shape.axis("transpose", b, r);
        perm[ia] = ib;
        perm[ib] = ia;
        return permute(x, perm);
    }

    static Tensor slice(Tensor x, int axis, int start, int end) {
        int a = Shape.axis("slice", axis, x.rank());
        int size = x.rawShape()[a];
        if (start < 0 || end < start || end > size) {
            throw new IllegalArgumentException("slice: range [" + start + ", " + end + ") is outside axis " + axis
                    + " of size " + size + " in shape " + Shape.str(x.rawShape()));
        }
        if (start == 0 && end == size) {
            return x;
        }
        int[] shape = x.rawShape().clone();
        shape[a] = end - start;
        int offset = x.offset() + (end > start ? start * x.rawStrides()[a] : 0);
        Tensor out = Tensor.view(x.storage(), shape, x.rawStrides(), offset);
        return Autograd.record(out, "slice", new Tensor[] {x}, g -> {
            // pad the gradient with zeros back to the input's extent
            List<Tensor> parts = new ArrayList<>();
            int[] s = x.rawShape().clone();
            if (start > 0) {
                s[a] = start;
                parts.add(Tensor.zeros(g.backend(), s));
            }
            parts.add(g);
            if (end < size) {
                s[a] = size - end;
                parts.add(Tensor.zeros(g.backend(), s));
            }
            return new Tensor[] {Tensor.concat(parts, a)};
        });
    }

    static Tensor expand(Tensor x, int[] newShape) {
        int[] xs = x.rawShape();
        if (newShape.length < xs.length) {
            throw new IllegalArgumentException("expand: cannot expand " + Shape.str(xs) + " to fewer dimensions "
                    + Shape.str(newShape));
        }
        int lead = newShape.length - xs.length;
        for (int i = 0; i < xs.length; i++) {
            if (xs[i] != 1 && xs[i] != newShape[lead + i]) {
                throw new IllegalArgumentException("expand: cannot expand " + Shape.str(xs) + " to "
                        + Shape.str(newShape) + " (dimension " + i + " is " + xs[i] + ", not 1)");
            }
        }
        if (Arrays.equals(xs, newShape)) {
            return x;
        }
        int[] strides = Shape.broadcastStrides(xs, x.rawStrides(), newShape);
        Tensor out = Tensor.view(x.storage(), newShape, strides, x.offset());
        return Autograd.record(out, "expand", new Tensor[] {x},
                g -> new Tensor[] {Elementwise.reduceTo(g, x)});
    }

    static Tensor unsqueeze(Tensor x, int axis) {
        int a = Shape.axis("unsqueeze", axis, x.rank() + 1);
        int[] shape = new int[x.rank() + 1];
        int[] strides = new int[x.rank() + 1];
        for (int i = 0, j = 0; i < shape.length; i++) {
            if (i == a) {
                shape[i] = 1; // a size-1 dimension's stride is never used
            } else {
                shape[i] = x.rawShape()[j];
                strides[i] = x.rawStrides()[j++];
            }
        }
        return dropOrAddOnes(x, shape, strides, "unsqueeze");
    }

    static Tensor squeeze(Tensor x, int axis) {
        int a = Shape.axis("squeeze", axis, x.rank());
        if (x.rawShape()[a] != 1) {
            throw new IllegalArgumentException("squeeze: axis " + axis + " of shape " + Shape.str(x.rawShape())
                    + " has size " + x.rawShape()[a] + ", not 1");
        }
        int[] shape = new int[x.rank() - 1];
        int[] strides = new int[x.rank() - 1];
        for (int i = 0, j = 0; i < x.rank(); i++) {
            if (i != a) {
                shape[j] = x.rawShape()[i];
                strides[j++] = x.rawStrides()[i];
            }
        }
        return dropOrAddOnes(x, shape, strides, "squeeze");
    }

    private static Tensor dropOrAddOnes(Tensor x, int[] shape, int[] strides, String op) {
        Tensor out = Tensor.view(x.storage(), shape, strides, x.offset());
        int[] original = x.rawShape();
        return Autograd.record(out, op, new Tensor[] {x}, g -> new Tensor[] {g.reshape(original)});
    }

    static Tensor contiguous(Tensor x) {
        if (x.isContiguous()) {
            return x;
        }
        Tensor out = x.backend().contiguous(x);
        return Autograd.record(out, "contiguous", new Tensor[] {x}, g -> new Tensor[] {g});
    }
}

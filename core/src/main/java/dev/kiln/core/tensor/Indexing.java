package dev.kiln.core.tensor;

import java.util.List;

/** Concatenation, index selection and one-hot encoding, with backward rules. */
final class Indexing {
    private Indexing() {
    }

    static Tensor concat(List<Tensor> xs, int axis) {
        if (xs.isEmpty()) {
            throw new IllegalArgumentException("concat: no tensors given");
        }
        Tensor first = xs.get(0);
        Checks.sameBackend("concat", xs.toArray(new Tensor[0]));
        int a = Shape.axis("concat", axis, first.rank());
        for (Tensor t : xs) {
            int[] s = t.rawShape();
            boolean ok = s.length == first.rank();
            for (int i = 0; ok && i < s.length; i++) {
                ok = i == a || s[i] == first.rawShape()[i];
            }
            if (!ok) {
                throw new IllegalArgumentException("concat: shape " + Shape.str(s) + " does not match "
                        + Shape.str(first.rawShape()) + " outside axis " + axis);
            }
        }
        if (xs.size() == 1) {
            return first;
        }
        Tensor out = first.backend().concat(List.copyOf(xs), a);
        return Autograd.record(out, "concat", xs.toArray(new Tensor[0]), g -> {
            Tensor[] grads = new Tensor[xs.size()];
            int start = 0;
            for (int i = 0; i < grads.length; i++) {
                int len = xs.get(i).rawShape()[a];
                grads[i] = g.slice(a, start, start + len);
                start += len;
            }
            return grads;
        });
    }

    static Tensor indexSelect(Tensor x, int axis, Tensor index) {
        Checks.sameBackend("indexSelect", x, index);
        Checks.isIndex("indexSelect", index, 1);
        int a = Shape.axis("indexSelect", axis, x.rank());
        checkRange("indexSelect", index, x.rawShape()[a], x.rawShape(), axis);
        Tensor out = x.backend().indexSelect(x, a, index);
        return Autograd.record(out, "indexSelect", new Tensor[] {x, index},
                g -> new Tensor[] {x.backend().indexAdd(Tensor.zerosLike(x), a, index, g), null});
    }

    static Tensor oneHot(Tensor index, int classes) {
        if (classes <= 0) {
            throw new IllegalArgumentException("oneHot: classes must be positive, got " + classes);
        }
        return index.backend().oneHot(index, classes);
    }

    /** Index values must be integral and inside {@code [0, size)}; the message names the first bad one. */
    private static void checkRange(String op, Tensor index, int size, int[] shape, int axis) {
        float[] v = index.toArray();
        for (int i = 0; i < v.length; i++) {
            if (!(v[i] >= 0 && v[i] < size && v[i] == Math.rint(v[i]))) {
                throw new IllegalArgumentException(op + ": index " + v[i] + " at position " + i
                        + " is not an integer in [0, " + size + ") for axis " + axis + " of shape " + Shape.str(shape));
            }
        }
    }
}

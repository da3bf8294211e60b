package dev.kiln.core.tensor;

import java.util.Arrays;

/** Argument checks shared by the op classes; every message names the op and the shapes. */
final class Checks {
    private Checks() {
    }

    static void sameBackend(String op, Tensor... ts) {
        Tensor first = ts[0];
        for (Tensor t : ts) {
            if (t.backend() != first.backend()) {
                throw new IllegalArgumentException(op + ": tensors live on different backends ('"
                        + first.backend().name() + "' and '" + t.backend().name()
                        + "'); move one explicitly with tensor.to(backend)");
            }
        }
    }

    static void sameShape(String op, Tensor a, Tensor b) {
        if (!Arrays.equals(a.rawShape(), b.rawShape())) {
            throw new IllegalArgumentException(op + ": shapes " + Shape.str(a.rawShape()) + " and "
                    + Shape.str(b.rawShape()) + " must be equal");
        }
    }

    static void isIndex(String op, Tensor index, int rank) {
        if (index.rank() != rank) {
            throw new IllegalArgumentException(op + ": index tensor must have rank " + rank + ", got shape "
                    + Shape.str(index.rawShape()));
        }
    }
}

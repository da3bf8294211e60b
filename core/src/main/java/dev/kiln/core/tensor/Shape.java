package dev.kiln.core.tensor;

import java.util.Arrays;

/** Static helpers for shapes and strides (row-major, NumPy broadcasting rules). */
public final class Shape {
    private Shape() {
    }

    /**
     * The element count of {@code shape}, or an error naming the shape when a dimension is negative
     * or the count exceeds 2^31-1. The product is checked at every step: multiplied blindly,
     * {@code [65536, 65536, 65536, 65536]} wraps a long to 0 and would give an empty tensor. Zero
     * dimensions do not excuse the others: {@code [0, 65536, 65536]} is rejected too, because its
     * contiguous strides (products of the later dimensions) must fit an int.
     */
    public static int numel(int[] shape) {
        long nonZero = 1;
        boolean empty = false;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + str(shape));
            }
            if (d == 0) {
                empty = true;
                continue;
            }
            nonZero *= d; // <= (2^31-1)^2 < 2^63 as nonZero is bounded below each step
            if (nonZero > Integer.MAX_VALUE) {
                java.math.BigInteger total = java.math.BigInteger.ONE;
                for (int e : shape) {
                    total = total.multiply(java.math.BigInteger.valueOf(Math.max(e, 1)));
                }
                throw new IllegalArgumentException("shape " + str(shape) + (empty ? " (ignoring its zero dimensions)" : "")
                        + " has " + total + " elements, more than 2^31-1");
            }
        }
        return empty ? 0 : (int) nonZero;
    }

    public static int[] contiguousStrides(int[] shape) {
        int[] strides = new int[shape.length];
        int s = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            strides[i] = s;
            s *= Math.max(shape[i], 1);
        }
        return strides;
    }

    public static String str(int[] shape) {
        return Arrays.toString(shape);
    }

    /** The NumPy broadcast of two shapes, or an error naming the op and both shapes. */
    public static int[] broadcast(String op, int[] a, int[] b) {
        int n = Math.max(a.length, b.length);
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            int da = i < n - a.length ? 1 : a[i - (n - a.length)];
            int db = i < n - b.length ? 1 : b[i - (n - b.length)];
            if (da != db && da != 1 && db != 1) {
                throw new IllegalArgumentException(op + ": shapes " + str(a) + " and " + str(b)
                        + " cannot be broadcast (dimension " + i + ": " + da + " vs " + db + ")");
            }
            out[i] = da == 1 ? db : da;
        }
        return out;
    }

    /**
     * Strides that read a tensor of {@code shape}/{@code strides} as if it had {@code target}
     * shape: stride 0 on broadcast dimensions. The caller has checked compatibility.
     */
    public static int[] broadcastStrides(int[] shape, int[] strides, int[] target) {
        int[] out = new int[target.length];
        int lead = target.length - shape.length;
        for (int i = 0; i < shape.length; i++) {
            out[lead + i] = shape[i] == 1 && target[lead + i] != 1 ? 0 : strides[i];
        }
        return out;
    }

    /** Normalises a possibly negative axis, or fails naming the op, axis and rank. */
    public static int axis(String op, int axis, int rank) {
        int a = axis < 0 ? axis + rank : axis;
        if (a < 0 || a >= rank) {
            throw new IllegalArgumentException(op + ": axis " + axis + " is out of range for rank " + rank);
        }
        return a;
    }

    public static boolean isContiguous(int[] shape, int[] strides) {
        for (int d : shape) {
            if (d == 0) {
                return true; // no elements: any strides describe the same (empty) layout
            }
        }
        int expected = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            if (shape[i] != 1 && strides[i] != expected) {
                return false;
            }
            expected *= shape[i];
        }
        return true;
    }

    /**
     * The axes from the largest stride to the smallest (ties keep their order): the order in which a
     * layout's elements sit in storage, outermost first ({@code [0, 1]} for a contiguous matrix,
     * {@code [1, 0]} for its transpose).
     */
    public static int[] storageOrder(int[] strides) {
        return java.util.stream.IntStream.range(0, strides.length).boxed()
                .sorted((x, y) -> Integer.compare(strides[y], strides[x])).mapToInt(Integer::intValue).toArray();
    }

    /**
     * Whether a layout covers exactly {@code numel} consecutive storage elements in some order of
     * its axes: a contiguous tensor or a permutation of one (such as {@code x.t()}). Elementwise
     * ops may then run over the storage in order and give their result the same strides.
     */
    public static boolean isDense(int[] shape, int[] strides) {
        for (int d : shape) {
            if (d == 0) {
                return true;
            }
        }
        int[] order = storageOrder(strides);
        long expected = 1;
        for (int i = order.length - 1; i >= 0; i--) {
            int axis = order[i];
            if (shape[axis] == 1) {
                continue;
            }
            if (strides[axis] != expected) {
                return false;
            }
            expected *= shape[axis];
        }
        return true;
    }
}

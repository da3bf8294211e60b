package dev.kiln.opencl;

import dev.kiln.core.backend.UnsupportedOpException;
import dev.kiln.core.tensor.Shape;
import java.util.Arrays;

/**
 * A launch shape for strided kernels: the output shape and each operand's strides with mergeable
 * dimensions merged (size-1 dimensions dropped, and neighbours fused where every operand steps
 * through them as one). A contiguous operand becomes one dimension of stride 1, so the kernels'
 * index arithmetic stays short. Shapes and strides are padded to 8 ints (an OpenCL {@code int8}).
 */
record Layout(int rank, int[] shape, int[][] strides) {

    static Layout of(String op, int[] shape, int[]... operandStrides) {
        int n = operandStrides.length;
        int[] outShape = new int[shape.length];
        int[][] outStrides = new int[n][shape.length];
        int rank = 0;
        for (int d = 0; d < shape.length; d++) {
            if (shape[d] == 1) {
                continue;
            }
            boolean merge = rank > 0;
            for (int k = 0; merge && k < n; k++) {
                merge = outStrides[k][rank - 1] == (long) shape[d] * operandStrides[k][d];
            }
            if (merge) {
                outShape[rank - 1] *= shape[d];
                for (int k = 0; k < n; k++) {
                    outStrides[k][rank - 1] = operandStrides[k][d];
                }
            } else {
                outShape[rank] = shape[d];
                for (int k = 0; k < n; k++) {
                    outStrides[k][rank] = operandStrides[k][d];
                }
                rank++;
            }
        }
        if (rank > ClContext.MAX_RANK) {
            throw new UnsupportedOpException("opencl", op + " on shape " + Shape.str(shape) + " whose strides leave "
                    + rank + " dimensions after merging (the kernels take at most " + ClContext.MAX_RANK + ")");
        }
        int[][] padded = new int[n][];
        for (int k = 0; k < n; k++) {
            padded[k] = pad(outStrides[k]);
        }
        return new Layout(rank, pad(outShape), padded);
    }

    /** Shape and strides as given (no merging), for kernels that address one axis specially. */
    static Layout exact(String op, int[] shape, int[]... operandStrides) {
        if (shape.length > ClContext.MAX_RANK) {
            throw new UnsupportedOpException("opencl", op + " on rank " + shape.length + " (the kernels take at most "
                    + ClContext.MAX_RANK + ")");
        }
        int[][] padded = new int[operandStrides.length][];
        for (int k = 0; k < padded.length; k++) {
            padded[k] = pad(operandStrides[k]);
        }
        return new Layout(shape.length, pad(shape), padded);
    }

    static int[] pad(int[] v) {
        return Arrays.copyOf(v, ClContext.MAX_RANK);
    }
}

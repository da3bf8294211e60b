package dev.kiln.cpu;

import jdk.incubator.vector.FloatVector;

/** Describes the SIMD width in use; loaded only after the provider found the Vector API module. */
final class VectorInfo {
    private VectorInfo() {
    }

    static String describe() {
        return "SIMD " + FloatVector.SPECIES_PREFERRED.vectorBitSize() + "-bit (" + FloatVector.SPECIES_PREFERRED.length()
                + " float lanes), GEMM micro-kernel " + Gemm.MR + "x" + Gemm.NR;
    }
}

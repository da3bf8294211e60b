package dev.kiln.conformance;

/**
 * The backend conformance kit. A backend module proves itself with one test class:
 *
 * <pre>{@code
 * class MyBackendConformanceTest extends BackendConformanceKit {
 *     private static final Backend BACKEND = new MyProvider().create();
 *     protected Backend backend() { return BACKEND; }
 * }
 * }</pre>
 *
 * It runs every primitive and fused op of the SPI against the reference backend across shapes
 * (scalars, 0-size dimensions, size-1 broadcasting, non-contiguous views, sizes that cross SIMD
 * and cache blocks, NaN/Inf), checks error messages on bad shapes, and gradient-checks every
 * differentiable op against central finite differences. Ops a backend declares unsupported
 * (by throwing {@link dev.kiln.core.backend.UnsupportedOpException}) are reported as aborted
 * tests with "UNSUPPORTED: op" and listed at the end, never counted as passed.
 *
 * <p>The checks live in a chain of abstract classes, one concern each: {@link ElementwiseChecks},
 * {@link ReductionChecks}, {@link StructureChecks}, {@link GradientChecks}.
 */
public abstract class BackendConformanceKit extends GradientChecks {
}

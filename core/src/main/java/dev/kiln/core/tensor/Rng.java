package dev.kiln.core.tensor;

/**
 * A seeded random stream for tensors. Values are a pure function of (seed, position): element
 * {@code i} of the {@code k}-th draw is {@code hash(seed, offset + i)}. Every backend can compute
 * the same numbers (also on a GPU), so the same seed gives the same initialisation everywhere.
 *
 * <p>Not thread-safe: give each thread its own stream (see {@link #split()}).
 */
public final class Rng {
    private final long seed;
    private long offset;

    public Rng(long seed) {
        this.seed = seed;
    }

    public long seed() {
        return seed;
    }

    /** Position in the stream; saved in checkpoints so resumed runs continue the same stream. */
    public long offset() {
        return offset;
    }

    public void offset(long offset) {
        this.offset = offset;
    }

    /** Reserves {@code n} positions and returns the first. */
    public long advance(long n) {
        long start = offset;
        offset += n;
        return start;
    }

    /** An independent stream derived from this one's next position. */
    public Rng split() {
        return new Rng(mix(seed ^ mix(advance(1) + 0x9E3779B97F4A7C15L)));
    }

    /** A uniform int in [0, bound). */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive, got " + bound);
        }
        return (int) ((bits(seed, advance(1)) >>> 33) % bound);
    }

    /** A uniform double in [0, 1). */
    public double nextDouble() {
        return (bits(seed, advance(1)) >>> 11) * 0x1.0p-53;
    }

    /** A standard normal double. */
    public double nextGaussian() {
        long i = advance(2);
        return gaussian(seed, i);
    }

    /** Fisher–Yates shuffle of {@code 0..n-1}. */
    public int[] permutation(int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    /** SplitMix64 finaliser. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** 64 random bits for stream position {@code i}. */
    public static long bits(long seed, long i) {
        return mix(mix(seed) + (i + 1) * 0x9E3779B97F4A7C15L);
    }

    /** Uniform float in [0, 1) with 24 random bits, for position {@code i}. */
    public static float uniform(long seed, long i) {
        return (bits(seed, i) >>> 40) * 0x1.0p-24f;
    }

    /** Standard normal from positions {@code i} and {@code i+1} (Box–Muller). */
    public static double gaussian(long seed, long i) {
        double u1 = ((bits(seed, i) >>> 11) + 1) * 0x1.0p-53; // (0, 1]: log is finite
        double u2 = (bits(seed, i + 1) >>> 11) * 0x1.0p-53;
        return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
    }
}

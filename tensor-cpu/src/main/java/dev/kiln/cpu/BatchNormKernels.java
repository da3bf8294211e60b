package dev.kiln.cpu;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Batch normalisation with batch statistics, forward and backward, for a contiguous
 * {@code [N, C, S]} view of the input (S: the values per image and channel, 1 for {@code [N, C]}).
 * One task per range of channels; a channel's values are visited row by row (N rows of S). Two
 * passes forward (mean, then variance and output) and two backward, where the composition of
 * primitives (Backend's defaults) makes about six full-size passes forward and a dozen backward.
 *
 * <p>Element-wise steps round as the composition does ({@code ((x - mean) / std) * gamma + beta};
 * {@code (gamma / std) * ((dy - dbeta / M) - xhat * (dgamma / M))}); the sums are taken in float
 * lanes folded in a fixed order (the same on any thread count), so results match the composition
 * within the conformance kit's tolerance, not to the bit.
 */
final class BatchNormKernels {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final long GRAIN = 1 << 15;

    private BatchNormKernels() {
    }

    /** Fills {@code mean[c]}, {@code var[c]} (biased) and {@code y}. */
    static void forward(Parallel pool, float[] x, int xOff, int n, int c, int s, float[] gamma, int gOff, int gs,
                        float[] beta, int bOff, int bs, float eps, float[] mean, float[] var, float[] y) {
        long m = (long) n * s;
        int tasks = Math.min(c, pool.tasksFor((long) n * c * s, GRAIN));
        pool.run(tasks, t -> {
            for (int ch = Parallel.split(c, tasks, t); ch < Parallel.split(c, tasks, t + 1); ch++) {
                float mu = (float) (sum(x, xOff, n, c, s, ch, 0f, false) / m);
                float v = (float) (sum(x, xOff, n, c, s, ch, mu, true) / m);
                mean[ch] = mu;
                var[ch] = v;
                float std = (float) Math.sqrt(v + eps);
                float g = gamma[gOff + ch * gs];
                float b = beta[bOff + ch * bs];
                FloatVector muV = FloatVector.broadcast(S, mu);
                FloatVector stdV = FloatVector.broadcast(S, std);
                FloatVector gV = FloatVector.broadcast(S, g);
                FloatVector bV = FloatVector.broadcast(S, b);
                int up = S.loopBound(s);
                for (int row = 0; row < n; row++) {
                    int base = (row * c + ch) * s;
                    int i = 0;
                    for (; i < up; i += L) {
                        FloatVector.fromArray(S, x, xOff + base + i).sub(muV).div(stdV).mul(gV).add(bV)
                                .intoArray(y, base + i);
                    }
                    for (; i < s; i++) {
                        y[base + i] = ((x[xOff + base + i] - mu) / std) * g + b;
                    }
                }
            }
        });
    }

    /** Fills {@code dx}, {@code dgamma[c]} and {@code dbeta[c]}; dy is contiguous like x. */
    static void backward(Parallel pool, float[] x, int xOff, float[] dy, int dyOff, int n, int c, int s, float[] gamma,
                         int gOff, int gs, float[] mean, int mOff, int ms, float[] var, int vOff, int vs, float eps,
                         float[] dx, float[] dgamma, float[] dbeta) {
        float m = (float) ((long) n * s);
        int tasks = Math.min(c, pool.tasksFor((long) n * c * s, GRAIN));
        pool.run(tasks, t -> {
            for (int ch = Parallel.split(c, tasks, t); ch < Parallel.split(c, tasks, t + 1); ch++) {
                float mu = mean[mOff + ch * ms];
                float std = (float) Math.sqrt(var[vOff + ch * vs] + eps);
                FloatVector muV = FloatVector.broadcast(S, mu);
                FloatVector stdV = FloatVector.broadcast(S, std);
                int up = S.loopBound(s);
                FloatVector sumDy = FloatVector.zero(S);
                FloatVector sumDyXhat = FloatVector.zero(S);
                double tailDy = 0;
                double tailDyXhat = 0;
                for (int row = 0; row < n; row++) {
                    int base = (row * c + ch) * s;
                    int i = 0;
                    for (; i < up; i += L) {
                        FloatVector g = FloatVector.fromArray(S, dy, dyOff + base + i);
                        FloatVector xhat = FloatVector.fromArray(S, x, xOff + base + i).sub(muV).div(stdV);
                        sumDy = sumDy.add(g);
                        sumDyXhat = sumDyXhat.add(g.mul(xhat));
                    }
                    for (; i < s; i++) {
                        float g = dy[dyOff + base + i];
                        tailDy += g;
                        tailDyXhat += g * ((x[xOff + base + i] - mu) / std);
                    }
                }
                float db = (float) (fold(sumDy) + tailDy);
                float dg = (float) (fold(sumDyXhat) + tailDyXhat);
                dbeta[ch] = db;
                dgamma[ch] = dg;
                float a = db / m;
                float b = dg / m;
                float scale = gamma[gOff + ch * gs] / std;
                FloatVector aV = FloatVector.broadcast(S, a);
                FloatVector bV = FloatVector.broadcast(S, b);
                FloatVector scaleV = FloatVector.broadcast(S, scale);
                for (int row = 0; row < n; row++) {
                    int base = (row * c + ch) * s;
                    int i = 0;
                    for (; i < up; i += L) {
                        FloatVector xhat = FloatVector.fromArray(S, x, xOff + base + i).sub(muV).div(stdV);
                        FloatVector inner = FloatVector.fromArray(S, dy, dyOff + base + i).sub(aV).sub(xhat.mul(bV));
                        scaleV.mul(inner).intoArray(dx, base + i);
                    }
                    for (; i < s; i++) {
                        float xhat = (x[xOff + base + i] - mu) / std;
                        dx[base + i] = scale * ((dy[dyOff + base + i] - a) - xhat * b);
                    }
                }
            }
        });
    }

    /** Sum of channel {@code ch}'s values (or of their squared distances to {@code mu}), in double at the end. */
    private static double sum(float[] x, int xOff, int n, int c, int s, int ch, float mu, boolean squares) {
        int up = S.loopBound(s);
        FloatVector acc = FloatVector.zero(S);
        FloatVector muV = FloatVector.broadcast(S, mu);
        double tail = 0;
        for (int row = 0; row < n; row++) {
            int base = xOff + (row * c + ch) * s;
            int i = 0;
            for (; i < up; i += L) {
                FloatVector v = FloatVector.fromArray(S, x, base + i);
                if (squares) {
                    FloatVector d = v.sub(muV);
                    acc = acc.add(d.mul(d));
                } else {
                    acc = acc.add(v);
                }
            }
            for (; i < s; i++) {
                float v = x[base + i];
                tail += squares ? (v - mu) * (v - mu) : v;
            }
        }
        return fold(acc) + tail;
    }

    /** The lanes summed in lane order, in double. */
    private static double fold(FloatVector v) {
        double sum = 0;
        for (int l = 0; l < L; l++) {
            sum += v.lane(l);
        }
        return sum;
    }
}

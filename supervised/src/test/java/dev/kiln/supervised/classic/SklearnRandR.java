package dev.kiln.supervised.classic;

import java.util.function.IntUnaryOperator;

/**
 * scikit-learn's tree random stream ({@code sklearn/tree/_utils.pyx}: {@code our_rand_r}, an
 * xorshift on a uint32, and {@code rand_int(low, high) = low + our_rand_r() % (high - low)}), for
 * parity tests only: plugged into {@link TreeBuilder} it makes Kiln draw the same feature order
 * as scikit-learn. The start state is what {@code DecisionTreeClassifier(random_state=s)} uses:
 * {@code np.random.RandomState(s).randint(0, 2**31 - 1)}.
 */
final class SklearnRandR implements IntUnaryOperator {
    private static final long RAND_R_MAX = 0x7FFFFFFFL;
    private int state;

    SklearnRandR(long state) {
        this.state = (int) state;
    }

    int next() {
        if (state == 0) {
            state = 1; // DEFAULT_SEED
        }
        state ^= state << 13;
        state ^= state >>> 17;
        state ^= state << 5;
        return (int) (Integer.toUnsignedLong(state) % (RAND_R_MAX + 1));
    }

    @Override
    public int applyAsInt(int bound) {
        return next() % bound;
    }
}

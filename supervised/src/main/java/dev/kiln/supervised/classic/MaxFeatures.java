package dev.kiln.supervised.classic;

/**
 * How many features a tree considers at each split: all, {@code sqrt(d)}, {@code log2(d)}, a fixed
 * count or a fraction of {@code d} (always at least one), as scikit-learn's {@code max_features}.
 */
public sealed interface MaxFeatures {
    int resolve(int d);

    MaxFeatures ALL = new Fraction(1.0);
    MaxFeatures SQRT = new Sqrt();
    MaxFeatures LOG2 = new Log2();

    static MaxFeatures count(int n) {
        Rows.atLeast(n, 1, "maxFeatures count");
        return new Count(n);
    }

    static MaxFeatures fraction(double f) {
        if (!(f > 0 && f <= 1)) {
            throw new IllegalArgumentException("maxFeatures fraction must be in (0, 1], got " + f);
        }
        return new Fraction(f);
    }

    record Count(int n) implements MaxFeatures {
        @Override
        public int resolve(int d) {
            return Math.min(n, d);
        }
    }

    record Fraction(double f) implements MaxFeatures {
        @Override
        public int resolve(int d) {
            return Math.max(1, (int) (f * d));
        }
    }

    record Sqrt() implements MaxFeatures {
        @Override
        public int resolve(int d) {
            return Math.max(1, (int) Math.sqrt(d));
        }
    }

    record Log2() implements MaxFeatures {
        @Override
        public int resolve(int d) {
            return Math.max(1, (int) (Math.log(d) / Math.log(2)));
        }
    }
}

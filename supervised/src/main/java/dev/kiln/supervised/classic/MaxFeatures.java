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

    /** The spec config files use: "all", "sqrt", "log2", a count ("7") or a fraction ("0.5"). */
    String spec();

    /** The inverse of {@link #spec()}; the error names the spec. */
    static MaxFeatures parse(String spec) {
        if (spec == null) {
            throw new IllegalArgumentException("maxFeatures must be set: all, sqrt, log2, a count or a fraction");
        }
        switch (spec) {
            case "all": return ALL;
            case "sqrt": return SQRT;
            case "log2": return LOG2;
            default:
        }
        try {
            return spec.contains(".") ? fraction(Double.parseDouble(spec)) : count(Integer.parseInt(spec));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("maxFeatures must be all, sqrt, log2, a count or a fraction, got '"
                    + spec + "'");
        }
    }

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

        @Override
        public String spec() {
            return Integer.toString(n);
        }
    }

    record Fraction(double f) implements MaxFeatures {
        @Override
        public int resolve(int d) {
            return Math.max(1, (int) (f * d));
        }

        @Override
        public String spec() {
            return f == 1.0 ? "all" : Double.toString(f);
        }
    }

    record Sqrt() implements MaxFeatures {
        @Override
        public int resolve(int d) {
            return Math.max(1, (int) Math.sqrt(d));
        }

        @Override
        public String spec() {
            return "sqrt";
        }
    }

    record Log2() implements MaxFeatures {
        @Override
        public int resolve(int d) {
            return Math.max(1, (int) (Math.log(d) / Math.log(2)));
        }

        @Override
        public String spec() {
            return "log2";
        }
    }
}

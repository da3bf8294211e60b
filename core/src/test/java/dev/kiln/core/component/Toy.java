package dev.kiln.core.component;

import java.util.List;
import java.util.function.DoubleUnaryOperator;

/** A toy component for the registry tests: "scales" a number. */
final class Toy {
    enum Mode { FAST, EXACT }

    record Config(@Doc("learning rate") @Range(min = 0) double lr,
                  @Range(min = 0, max = 1, maxExclusive = true) double momentum,
                  @OneOf({"mean", "sum"}) String reduction,
                  @Nullable @Range(min = 1) Integer maxDepth,
                  Mode mode) {
        Config {
            HyperParameters.check(Config.class, lr, momentum, reduction, maxDepth, mode);
        }

        static Config defaults() {
            return new Config(0.01, 0, "mean", null, Mode.FAST);
        }
    }

    static final Kind<DoubleUnaryOperator> SCALER = Kind.of("scaler", DoubleUnaryOperator.class);

    /** Registered in this module's test META-INF/services. */
    public static final class Provider implements ComponentProvider {
        @Override
        public List<Component<?, ?>> components() {
            return List.of(Component.of(SCALER, "toy", Config.defaults(), c -> x -> x * c.lr(), "multiplies by lr"));
        }
    }

    private Toy() {
    }
}

package dev.kiln.core.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HyperParametersTest {
    @Test
    void constructionChecksEveryAnnotatedRuleAndNamesOwnerFieldRuleAndValue() {
        assertThatThrownBy(() -> new Toy.Config(-1, 0, "mean", null, Toy.Mode.FAST))
                .hasMessage("Toy.lr: must be >= 0, got -1.0");
        assertThatThrownBy(() -> new Toy.Config(0.1, 1, "mean", null, Toy.Mode.FAST))
                .hasMessage("Toy.momentum: must be >= 0 and < 1, got 1.0");
        assertThatThrownBy(() -> new Toy.Config(Double.NaN, 0, "mean", null, Toy.Mode.FAST))
                .hasMessage("Toy.lr: must be a number, got NaN");
        assertThatThrownBy(() -> new Toy.Config(0.1, 0, "avg", null, Toy.Mode.FAST))
                .hasMessage("Toy.reduction: must be one of mean, sum, got 'avg'");
        assertThatThrownBy(() -> new Toy.Config(0.1, 0, null, null, Toy.Mode.FAST))
                .hasMessage("Toy.reduction: must be set, got null");
        assertThatThrownBy(() -> new Toy.Config(0.1, 0, "sum", 0, Toy.Mode.FAST))
                .hasMessage("Toy.maxDepth: must be >= 1, got 0");
        assertThat(new Toy.Config(0.1, 0.9, "sum", 3, Toy.Mode.EXACT).maxDepth()).isEqualTo(3);
    }

    @Test
    void describeListsEveryFieldWithTypeDefaultConstraintAndDoc() {
        var fields = HyperParameters.describe(Toy.Config.defaults());
        assertThat(fields).extracting(HyperParameters.Field::name)
                .containsExactly("lr", "momentum", "reduction", "maxDepth", "mode");
        assertThat(fields.get(0).toString()).isEqualTo("lr (double, default 0.01, >= 0): learning rate");
        assertThat(fields.get(1).constraint()).isEqualTo(">= 0 and < 1");
        assertThat(fields.get(2).constraint()).isEqualTo("one of mean|sum");
        assertThat(fields.get(3).constraint()).isEqualTo(">= 1, optional");
        assertThat(fields.get(3).type()).isEqualTo("Integer");
        assertThat(fields.get(4).constraint()).isEqualTo("one of FAST|EXACT");
    }

    @Test
    void bindStartsFromTheDefaultsAndRejectsUnknownKeysAndWrongTypes() {
        Toy.Config c = HyperParameters.bind(Toy.Config.defaults(), Map.of("lr", 0.5, "mode", "EXACT", "maxDepth", 4));
        assertThat(c).isEqualTo(new Toy.Config(0.5, 0, "mean", 4, Toy.Mode.EXACT));
        assertThatThrownBy(() -> HyperParameters.bind(Toy.Config.defaults(), Map.of("lrr", 0.5)))
                .hasMessage("Toy: unknown hyper-parameter 'lrr'; valid: lr, maxDepth, mode, momentum, reduction");
        assertThatThrownBy(() -> HyperParameters.bind(Toy.Config.defaults(), Map.of("lr", "fast")))
                .hasMessageStartingWith("Toy.lr: expected double, got 'fast'");
        assertThatThrownBy(() -> HyperParameters.bind(Toy.Config.defaults(), Map.of("maxDepth", 2.5)))
                .hasMessageStartingWith("Toy.maxDepth: expected Integer, got 2.5");
        assertThatThrownBy(() -> HyperParameters.bind(Toy.Config.defaults(), Map.of("lr", -2)))
                .hasMessage("Toy.lr: must be >= 0, got -2.0");
        Map<String, Object> unset = new HashMap<>();
        unset.put("maxDepth", null);
        assertThat(HyperParameters.bind(new Toy.Config(0.1, 0, "mean", 7, Toy.Mode.FAST), unset).maxDepth()).isNull();
    }

    @Test
    void toMapAndBindRoundTrip() {
        Toy.Config c = new Toy.Config(0.25, 0.5, "sum", 9, Toy.Mode.EXACT);
        Map<String, Object> m = HyperParameters.toMap(c);
        assertThat(m.keySet()).containsExactly("lr", "momentum", "reduction", "maxDepth", "mode");
        assertThat(m.get("mode")).isEqualTo("EXACT");
        assertThat(HyperParameters.bind(Toy.Config.defaults(), m)).isEqualTo(c);
    }
}

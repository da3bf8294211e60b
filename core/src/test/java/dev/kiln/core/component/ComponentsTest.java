package dev.kiln.core.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

class ComponentsTest {
    @Test
    void aComponentIsFoundByKindAndNameAndBuiltFromAMap() {
        Components all = Components.of(new Toy.Provider());
        DoubleUnaryOperator f = all.create(Toy.SCALER, "toy", Map.of("lr", 3.0));
        assertThat(f.applyAsDouble(2)).isEqualTo(6.0);
        assertThat(all.kinds()).containsExactly("scaler");
        assertThat(all.names(Toy.SCALER)).containsExactly("toy");
        assertThat(all.get(Toy.SCALER, "toy").describe()).hasSize(Toy.Config.class.getRecordComponents().length);
    }

    @Test
    void anUnknownNameListsTheKnownOnes() {
        Components all = Components.of(new Toy.Provider());
        assertThatThrownBy(() -> all.get(Toy.SCALER, "tyo")).hasMessage("unknown scaler 'tyo'; known: toy");
        Kind<Runnable> other = Kind.of("task", Runnable.class);
        assertThatThrownBy(() -> all.get(other, "x")).hasMessageContaining("unknown task 'x'; known: none");
    }

    @Test
    void registeringANameTwiceNamesBothProviders() {
        ComponentProvider again = () -> List.of(Component.of(Toy.SCALER, "toy", Toy.Config.defaults(), c -> x -> x, ""));
        assertThatThrownBy(() -> Components.of(new Toy.Provider(), again))
                .hasMessageStartingWith("component scaler/toy is registered twice: by dev.kiln.core.component.Toy$Provider and by");
    }

    @Test
    void namesMustBeLowerCaseWords() {
        assertThatThrownBy(() -> Component.of(Toy.SCALER, "Toy", Toy.Config.defaults(), c -> x -> x, ""))
                .hasMessageContaining("got 'Toy'");
    }

    @Test
    void discoveryFindsProvidersThroughServiceLoader() {
        assertThat(Components.discover().names(Toy.SCALER)).contains("toy");
    }
}

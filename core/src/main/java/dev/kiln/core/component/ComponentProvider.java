package dev.kiln.core.component;

import java.util.List;

/**
 * The one SPI through which a module contributes its components: list an implementation in
 * {@code META-INF/services/dev.kiln.core.component.ComponentProvider}. Adding a module adds its
 * names; nothing else is edited.
 */
public interface ComponentProvider {
    List<Component<?, ?>> components();
}

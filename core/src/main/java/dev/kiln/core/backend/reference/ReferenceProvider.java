package dev.kiln.core.backend.reference;

import dev.kiln.core.backend.Availability;
import dev.kiln.core.backend.Backend;
import dev.kiln.core.backend.BackendProvider;

/** Provides the reference backend: always available, lowest priority. */
public final class ReferenceProvider implements BackendProvider {
    @Override
    public String name() {
        return "reference";
    }

    @Override
    public int priority() {
        return 0;
    }

    @Override
    public Availability probe() {
        return Availability.yes("plain Java, always available");
    }

    @Override
    public Backend create() {
        return new ReferenceBackend();
    }
}

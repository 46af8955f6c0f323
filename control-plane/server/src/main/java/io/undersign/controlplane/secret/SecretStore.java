package io.undersign.controlplane.secret;

import java.util.Optional;
import java.util.function.Supplier;

/** Where generated credentials live; values are never logged and never stored in plain text. */
public interface SecretStore {

    Optional<String> get(String name);

    /** Returns the stored value, or stores and returns a new one: stable across re-runs of a step. */
    String getOrCreate(String name, Supplier<String> generator);

    void delete(String name);
}

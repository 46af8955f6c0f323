package io.undersign.runtime.cases;

import io.undersign.engine.Rulebook;

/** Names one rulebook version: what a case is decided by for as long as it lives. */
public record RulebookRef(String id, String version) {
    public static RulebookRef of(Rulebook rulebook) {
        return new RulebookRef(rulebook.metadata().id(), rulebook.metadata().version());
    }

    @Override
    public String toString() {
        return id + " " + version;
    }
}

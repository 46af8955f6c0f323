package io.undersign.engine;

import io.undersign.engine.internal.CompiledRulebook;
import io.undersign.engine.model.Metadata;
import io.undersign.engine.model.Page;
import io.undersign.engine.model.Question;
import java.util.List;
import java.util.Optional;

/** A loaded, validated and compiled rulebook version. Immutable; share it between threads. */
public final class Rulebook {
    private final CompiledRulebook compiled;

    Rulebook(CompiledRulebook compiled) {
        this.compiled = compiled;
    }

    public Metadata metadata() {
        return compiled.definition().metadata();
    }

    public List<Question> questions() {
        return compiled.questions();
    }

    public List<Page> pages() {
        return compiled.definition().pages();
    }

    /** The rulebook as written (after validation): what {@link RulebookDiff} compares. */
    public io.undersign.engine.model.RulebookDefinition definition() {
        return compiled.definition();
    }

    public Optional<Question> question(String id) {
        return Optional.ofNullable(compiled.questionById().get(id));
    }

    CompiledRulebook compiled() {
        return compiled;
    }
}

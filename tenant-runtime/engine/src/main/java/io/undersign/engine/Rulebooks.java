package io.undersign.engine;

import io.undersign.engine.internal.RulebookCompiler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Loads rulebooks: the whole file is validated and compiled, or nothing is loaded. */
public final class Rulebooks {
    private Rulebooks() {
    }

    /** Parses and compiles rulebook YAML; throws {@link RulebookException} listing every problem. */
    public static Rulebook parse(String yaml) {
        RulebookCompiler.Result result = RulebookCompiler.compile(yaml);
        if (!result.problems().isEmpty()) {
            throw new RulebookException(result.problems());
        }
        return new Rulebook(result.rulebook());
    }

    public static Rulebook load(Path file) {
        return parse(read(file));
    }

    /** Every problem of a rulebook, empty when it is valid. */
    public static List<Problem> validate(String yaml) {
        return RulebookCompiler.compile(yaml).problems();
    }

    public static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rulebook " + file, e);
        }
    }
}

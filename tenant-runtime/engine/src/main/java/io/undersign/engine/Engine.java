package io.undersign.engine;

import io.undersign.engine.internal.Evaluator;
import java.util.Map;
import java.util.Objects;

/** The engine's two questions: what is the decision, and what should be asked next. */
public final class Engine {
    private Engine() {
    }

    /**
     * Decides a case: pure and deterministic. Unacceptable answers or evidence come back as field
     * errors in the {@link Evaluation}; this never throws on input.
     */
    public static Evaluation evaluate(Rulebook rulebook, CaseInput input) {
        Objects.requireNonNull(rulebook, "rulebook");
        Objects.requireNonNull(input, "input");
        return Evaluator.evaluate(rulebook.compiled(), input);
    }

    /**
     * The questions now due given partial answers at an application date: as {@link #next(Rulebook, Map)},
     * and besides, dates checked against the application date (a birth date after it) and the
     * declines already certain ({@link NextQuestions#knockouts()}). Evidence in {@code input} is not read.
     */
    public static NextQuestions next(Rulebook rulebook, CaseInput input) {
        Objects.requireNonNull(rulebook, "rulebook");
        Objects.requireNonNull(input, "input");
        return Evaluator.next(rulebook.compiled(), input.answers(), input.applicationDate());
    }

    /** The questions now due given partial answers, and the answers that no longer count. */
    public static NextQuestions next(Rulebook rulebook, Map<String, Object> answers) {
        Objects.requireNonNull(rulebook, "rulebook");
        Objects.requireNonNull(answers, "answers");
        return Evaluator.next(rulebook.compiled(), answers);
    }
}

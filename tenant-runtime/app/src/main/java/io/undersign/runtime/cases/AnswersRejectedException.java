package io.undersign.runtime.cases;

import io.undersign.engine.FieldError;
import java.util.List;

/** The engine refused the answers by {@code rulebook}; each error names its field. Nothing was stored. */
public class AnswersRejectedException extends RuntimeException {
    private final RulebookRef rulebook;
    private final List<FieldError> errors;

    public AnswersRejectedException(RulebookRef rulebook, List<FieldError> errors) {
        super(errors.size() + " answer(s) not accepted");
        this.rulebook = rulebook;
        this.errors = List.copyOf(errors);
    }

    public RulebookRef rulebook() {
        return rulebook;
    }

    public List<FieldError> errors() {
        return errors;
    }
}

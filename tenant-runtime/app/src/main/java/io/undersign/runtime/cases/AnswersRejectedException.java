package io.undersign.runtime.cases;

import io.undersign.engine.FieldError;
import java.util.List;

/** The engine refused the answers; each error names its field. Nothing was stored. */
public class AnswersRejectedException extends RuntimeException {
    private final List<FieldError> errors;

    public AnswersRejectedException(List<FieldError> errors) {
        super(errors.size() + " answer(s) not accepted");
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}

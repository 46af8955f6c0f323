package io.undersign.engine;

import java.util.List;

/**
 * The result of evaluating a case: a decision, or the field errors that stopped it (never both).
 */
public record Evaluation(Decision decision, List<FieldError> errors) {

    public boolean valid() {
        return errors.isEmpty();
    }
}

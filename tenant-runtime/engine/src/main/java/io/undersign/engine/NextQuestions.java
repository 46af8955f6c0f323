package io.undersign.engine;

import java.util.List;

/**
 * Where an interview stands: {@code due} are asked questions still unanswered (in order);
 * {@code asked} every question asked given the answers so far; {@code ignored} answers to
 * questions that are no longer asked; {@code errors} answers that are not acceptable.
 */
public record NextQuestions(List<String> due, List<String> asked, List<String> ignored, List<FieldError> errors) {

    public boolean complete() {
        return due.isEmpty() && errors.isEmpty();
    }
}

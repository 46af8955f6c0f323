package io.undersign.engine;

import java.util.List;

/**
 * Where an interview stands: {@code due} are asked questions still unanswered (in order);
 * {@code asked} every question asked given the answers so far; {@code ignored} answers to
 * questions that are no longer asked; {@code errors} answers that are not acceptable;
 * {@code knockouts} the declines already certain (every input of a declining rule is answered and
 * it holds), so the applicant can be told at once instead of after every other question.
 */
public record NextQuestions(List<String> due, List<String> asked, List<String> ignored, List<FieldError> errors,
        List<Knockout> knockouts) {

    /** A declining rule that holds on the answers so far: nothing answered later can undo it. */
    public record Knockout(String rule, String code, String reason, List<String> inputs) {
    }

    public NextQuestions(List<String> due, List<String> asked, List<String> ignored, List<FieldError> errors) {
        this(due, asked, ignored, errors, List.of());
    }

    public boolean complete() {
        return due.isEmpty() && errors.isEmpty();
    }
}

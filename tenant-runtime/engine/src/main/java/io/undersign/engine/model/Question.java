package io.undersign.engine.model;

import java.util.List;

/**
 * A question of the interview. {@code askWhen} is a CEL condition (null: always asked);
 * {@code min}/{@code max} bound numeric answers (inclusive), {@code options} choice answers.
 */
public record Question(String id, QuestionType type, String text, String help, String unit, boolean required,
        Double min, Double max, List<Option> options, String askWhen, String page) {

    public boolean allows(String optionValue) {
        return options.stream().anyMatch(o -> o.value().equals(optionValue));
    }
}

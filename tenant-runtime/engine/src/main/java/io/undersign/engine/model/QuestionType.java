package io.undersign.engine.model;

import java.util.Arrays;
import java.util.Optional;

/** Answer types, with the names the rulebook uses. */
public enum QuestionType {
    NUMBER("number"), INTEGER("integer"), BOOLEAN("boolean"), SINGLE_CHOICE("single-choice"),
    MULTI_CHOICE("multi-choice"), DATE("date"), TEXT("text");

    public final String yamlName;

    QuestionType(String yamlName) {
        this.yamlName = yamlName;
    }

    public static Optional<QuestionType> of(String name) {
        return Arrays.stream(values()).filter(t -> t.yamlName.equals(name)).findFirst();
    }

    public boolean numeric() {
        return this == NUMBER || this == INTEGER;
    }
}

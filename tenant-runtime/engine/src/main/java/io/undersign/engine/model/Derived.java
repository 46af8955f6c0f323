package io.undersign.engine.model;

/**
 * A value computed from answers: a CEL {@code expr} of the given type, or the age in completed
 * years at the application date of the date question {@code ageOf}.
 */
public record Derived(String id, QuestionType type, String expr, String ageOf, String text) {
}

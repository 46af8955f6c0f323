package io.undersign.engine.model;

/** One value an evidence result carries, e.g. HbA1c in mmol/mol. */
public record EvidenceField(String id, QuestionType type, String unit, Double min, Double max) {
}

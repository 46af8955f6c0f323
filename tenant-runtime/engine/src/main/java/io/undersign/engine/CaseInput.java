package io.undersign.engine;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;

/**
 * What a case brings to evaluation: answers by question id (JSON-like values: numbers, strings,
 * booleans, lists, ISO dates), evidence results by evidence type id, and the application date
 * (ages are taken at it, which keeps evaluation deterministic).
 */
public record CaseInput(Map<String, Object> answers, Map<String, Map<String, Object>> evidence, LocalDate applicationDate) {

    public CaseInput {
        Objects.requireNonNull(answers, "answers");
        evidence = evidence == null ? Map.of() : evidence;
        Objects.requireNonNull(applicationDate, "applicationDate");
    }

    public static CaseInput of(Map<String, Object> answers, LocalDate applicationDate) {
        return new CaseInput(answers, Map.of(), applicationDate);
    }
}

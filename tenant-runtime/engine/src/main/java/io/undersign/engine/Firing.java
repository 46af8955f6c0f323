package io.undersign.engine;

import java.util.List;
import java.util.Map;

/**
 * One rule or table row that fired: where it is ({@code source} like {@code rule:smoker-heavy}
 * or {@code table:build#3}), the inputs it looked at with their values, and what it did.
 */
public record Firing(String source, Map<String, Object> inputs, int debits, int credits, double flatExtraPerMille,
        String decision, Integer postponeMonths, String exclusion, List<String> evidence, String reasonCode, String reason) {
}

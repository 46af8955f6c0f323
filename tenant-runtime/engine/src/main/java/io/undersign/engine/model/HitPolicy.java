package io.undersign.engine.model;

import java.util.Arrays;
import java.util.Optional;

/**
 * FIRST: the first matching row only. UNIQUE: at most one row can match (checked at load).
 * COLLECT: every matching row. COLLECT-SUM: every matching row, debits and credits summed.
 */
public enum HitPolicy {
    FIRST("FIRST"), UNIQUE("UNIQUE"), COLLECT("COLLECT"), COLLECT_SUM("COLLECT-SUM");

    public final String yamlName;

    HitPolicy(String yamlName) {
        this.yamlName = yamlName;
    }

    public static Optional<HitPolicy> of(String name) {
        return Arrays.stream(values()).filter(h -> h.yamlName.equals(name)).findFirst();
    }
}

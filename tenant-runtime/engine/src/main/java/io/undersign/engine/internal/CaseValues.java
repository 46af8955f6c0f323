package io.undersign.engine.internal;

import dev.cel.runtime.CelVariableResolver;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The values expressions read for one case: every declared variable, unanswered ones at their
 * zero value. A resolver over our own map, so CEL does not copy it on every call.
 */
final class CaseValues implements CelVariableResolver {
    private final Map<String, Object> values;
    private final CelVariableResolver fallback;

    CaseValues(Map<String, Object> zeroValues) {
        this.values = new HashMap<>(zeroValues);
        this.fallback = null;
    }

    private CaseValues(Map<String, Object> extra, CelVariableResolver fallback) {
        this.values = extra;
        this.fallback = fallback;
    }

    /** These values on top of the case's, e.g. one evidence result's fields. */
    CaseValues with(Map<String, Object> extra) {
        return new CaseValues(extra, this);
    }

    void put(String name, Object value) {
        values.put(name, value);
    }

    Object get(String name) {
        Object v = values.get(name);
        return v == null && fallback instanceof CaseValues parent ? parent.get(name) : v;
    }

    Map<String, Object> asMap() {
        return values;
    }

    @Override
    public Optional<Object> find(String name) {
        Object v = values.get(name);
        if (v != null) {
            return Optional.of(v);
        }
        return fallback == null ? Optional.empty() : fallback.find(name);
    }
}

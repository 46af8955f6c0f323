package io.undersign.engine.internal;

import io.undersign.engine.model.Match;
import io.undersign.engine.model.Row;
import java.util.Map;

/** Table rows are matched natively (ranges and value lists), without going through CEL. */
final class TableMatcher {
    private TableMatcher() {
    }

    static boolean matches(Row row, Map<String, Object> values) {
        for (Match m : row.matches()) {
            if (!matches(m, values.get(m.input()))) {
                return false;
            }
        }
        return true;
    }

    static boolean matches(Match m, Object value) {
        if (m.isRange()) {
            if (!(value instanceof Number n)) {
                return false;
            }
            double v = n.doubleValue();
            return (m.from() == null || v >= m.from()) && (m.below() == null || v < m.below());
        }
        if (value instanceof java.util.List<?> list) {
            // a multi-choice answer matches when any chosen value is listed
            for (Object chosen : list) {
                for (Object allowed : m.in()) {
                    if (sameValue(chosen, allowed)) {
                        return true;
                    }
                }
            }
            return false;
        }
        for (Object allowed : m.in()) {
            if (sameValue(value, allowed)) {
                return true;
            }
        }
        return false;
    }

    static boolean sameValue(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return x.doubleValue() == y.doubleValue();
        }
        return a != null && a.equals(b);
    }
}

package io.undersign.runtime.interview;

import io.undersign.engine.FieldError;
import io.undersign.engine.model.Option;
import io.undersign.engine.model.Question;
import io.undersign.engine.model.QuestionType;
import java.util.List;

/** View models of the interview templates: everything a page shows, already worked out. */
final class Views {
    private Views() {
    }

    record Brand(String name, String colour) {
    }

    record Choice(String value, String label, boolean selected) {
    }

    /** One field: its current value as text, its choices, its error (null when fine). */
    record Field(String id, String kind, String text, String help, String unit, boolean required, String value,
            List<Choice> choices, String error, String min, String max) {
        public boolean hasError() {
            return error != null;
        }
    }

    record PageView(Brand brand, String caseId, String pageId, String title, int number, int of, List<Field> fields,
            List<FieldError> errors, boolean hasPrevious) {
        public boolean hasErrors() {
            return !errors.isEmpty();
        }
    }

    record ReviewLine(String question, String answer, String pageId) {
    }

    record ReviewView(Brand brand, String caseId, List<ReviewLine> lines) {
    }

    record DecisionView(Brand brand, String caseId, String outcome, String headline, List<String> details) {
    }

    static Field field(Question q, Object value, String error) {
        String kind = switch (q.type()) {
            case NUMBER, INTEGER -> "number";
            case BOOLEAN -> "yesno";
            case SINGLE_CHOICE -> "radio";
            case MULTI_CHOICE -> "checkbox";
            case DATE -> "date";
            case TEXT -> "text";
        };
        List<Choice> choices;
        if (q.type() == QuestionType.BOOLEAN) {
            choices = List.of(new Choice("true", "Yes", Boolean.TRUE.equals(value)), new Choice("false", "No", Boolean.FALSE.equals(value)));
        } else {
            choices = q.options().stream().map(o -> new Choice(o.value(), o.label(), selected(o, value))).toList();
        }
        String text = value == null || value instanceof List ? "" : plain(value);
        return new Field(q.id(), kind, q.text(), q.help(), q.unit(), q.required(), text, choices, error,
                q.min() == null ? null : plain(q.min()), q.max() == null ? null : plain(q.max()));
    }

    static String answerText(Question q, Object value) {
        if (value == null) {
            return "—";
        }
        if (value instanceof Boolean b) {
            return b ? "Yes" : "No";
        }
        if (value instanceof List<?> list) {
            return list.isEmpty() ? "None" : String.join(", ", list.stream().map(v -> label(q, String.valueOf(v))).toList());
        }
        String text = q.options().isEmpty() ? plain(value) : label(q, String.valueOf(value));
        return q.unit() == null ? text : text + " " + q.unit();
    }

    private static String label(Question q, String value) {
        return q.options().stream().filter(o -> o.value().equals(value)).map(Option::label).findFirst().orElse(value);
    }

    private static boolean selected(Option o, Object value) {
        return value instanceof List<?> list ? list.contains(o.value()) : o.value().equals(value);
    }

    private static String plain(Object value) {
        if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return String.valueOf(n.longValue());
        }
        return String.valueOf(value);
    }

}

package io.undersign.runtime.interview;

import io.undersign.engine.FieldError;
import io.undersign.engine.model.Question;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a submitted interview page (form strings) into typed answers for the engine; a blank
 * field is no answer, text that cannot be a number becomes a field error next to that field.
 */
final class FormAnswers {
    final Map<String, Object> answers = new LinkedHashMap<>();
    final List<FieldError> errors = new ArrayList<>();

    static FormAnswers read(List<Question> questions, Map<String, List<String>> form) {
        FormAnswers out = new FormAnswers();
        for (Question q : questions) {
            List<String> values = form.getOrDefault(q.id(), List.of());
            String first = values.isEmpty() ? "" : values.get(0).strip();
            switch (q.type()) {
                case MULTI_CHOICE -> out.answers.put(q.id(), values.stream().filter(v -> !v.isBlank()).toList());
                case NUMBER -> number(out, q, first, false);
                case INTEGER -> number(out, q, first, true);
                case BOOLEAN -> {
                    if (first.equals("true") || first.equals("false")) {
                        out.answers.put(q.id(), Boolean.parseBoolean(first));
                    }
                }
                default -> {
                    if (!first.isEmpty()) {
                        out.answers.put(q.id(), first);
                    }
                }
            }
        }
        return out;
    }

    /** What people type for a number: "250,000", "250 000", "£250000" for an amount in pounds. */
    private static void number(FormAnswers out, Question q, String text, boolean whole) {
        String plain = text.replace(",", "").replace(" ", "").replace("\u00a0", "");
        if (InterviewWording.money(q) && plain.startsWith("£")) {
            plain = plain.substring(1);
        }
        if (plain.isEmpty()) {
            return;
        }
        try {
            if (whole) {
                out.answers.put(q.id(), Long.parseLong(plain));
            } else {
                if (!plain.matches("[-+]?[0-9]*\\.?[0-9]+")) {
                    throw new NumberFormatException(plain); // no "1e5", "NaN" or "Infinity" from a form
                }
                out.answers.put(q.id(), Double.parseDouble(plain));
            }
        } catch (NumberFormatException e) {
            out.errors.add(new FieldError(q.id(), "not a number", whole ? FieldError.Code.NOT_A_WHOLE_NUMBER : FieldError.Code.NOT_A_NUMBER));
        }
    }
}

package io.undersign.engine.internal;

import io.undersign.engine.FieldError;
import io.undersign.engine.model.EvidenceField;
import io.undersign.engine.model.Question;
import io.undersign.engine.model.QuestionType;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Checks answers against their questions and turns them into the values expressions see. */
final class AnswerReader {
    private static final int TEXT_MAX = 2000;

    private AnswerReader() {
    }

    /** The expression value of {@code raw} for a question, or null after recording why it is not acceptable. */
    static Object read(Question q, Object raw, List<FieldError> errors) {
        return read(q.id(), q.type(), q.min(), q.max(), q.type() == QuestionType.SINGLE_CHOICE || q.type() == QuestionType.MULTI_CHOICE ? q : null, raw, errors);
    }

    static Object read(String field, EvidenceField f, Object raw, List<FieldError> errors) {
        return read(field, f.type(), f.min(), f.max(), null, raw, errors);
    }

    private static final long MAX_EXACT = (1L << 53) - 1;

    private static Object read(String field, QuestionType type, Double min, Double max, Question choices, Object raw, List<FieldError> errors) {
        switch (type) {
            case NUMBER, INTEGER -> {
                if (!(raw instanceof Number n)) {
                    errors.add(new FieldError(field, "must be a number", FieldError.Code.NOT_A_NUMBER));
                    return null;
                }
                double v = n.doubleValue();
                if (Double.isNaN(v) || Double.isInfinite(v)) {
                    errors.add(new FieldError(field, "must be a finite number", FieldError.Code.NOT_A_NUMBER));
                    return null;
                }
                if (type == QuestionType.INTEGER && v != Math.rint(v)) {
                    errors.add(new FieldError(field, "must be a whole number", FieldError.Code.NOT_A_WHOLE_NUMBER));
                    return null;
                }
                if (Math.abs(v) > MAX_EXACT) {
                    // beyond 2^53 a double no longer holds every whole number: refuse, never round or clamp
                    errors.add(new FieldError(field, "is too large (at most " + MAX_EXACT + " either way)", FieldError.Code.TOO_LARGE));
                    return null;
                }
                if ((min != null && v < min) || (max != null && v > max)) {
                    errors.add(new FieldError(field, "must be between " + format(min) + " and " + format(max), FieldError.Code.OUT_OF_RANGE));
                    return null;
                }
                return type == QuestionType.INTEGER ? (Object) (long) v : (Object) v;
            }
            case BOOLEAN -> {
                if (!(raw instanceof Boolean b)) {
                    errors.add(new FieldError(field, "must be true or false", FieldError.Code.NOT_TRUE_OR_FALSE));
                    return null;
                }
                return b;
            }
            case SINGLE_CHOICE -> {
                if (!(raw instanceof String s) || !choices.allows(s)) {
                    errors.add(new FieldError(field, "must be one of " + optionValues(choices), FieldError.Code.NOT_AN_OPTION));
                    return null;
                }
                return s;
            }
            case MULTI_CHOICE -> {
                if (!(raw instanceof List<?> list)) {
                    errors.add(new FieldError(field, "must be a list of " + optionValues(choices), FieldError.Code.NOT_AN_OPTION));
                    return null;
                }
                Set<String> seen = new HashSet<>();
                List<String> out = new ArrayList<>();
                for (Object item : list) {
                    if (!(item instanceof String s) || !choices.allows(s)) {
                        errors.add(new FieldError(field, "'" + item + "' is not one of " + optionValues(choices), FieldError.Code.NOT_AN_OPTION));
                        return null;
                    }
                    if (seen.add(s)) {
                        out.add(s);
                    }
                }
                // Guava's immutable list is what CEL reads without converting it on every access
                return com.google.common.collect.ImmutableList.copyOf(out);
            }
            case DATE -> {
                try {
                    return LocalDate.parse(String.valueOf(raw));
                } catch (DateTimeParseException e) {
                    errors.add(new FieldError(field, "must be a date like 1980-04-30", FieldError.Code.NOT_A_DATE));
                    return null;
                }
            }
            default -> {
                if (!(raw instanceof String s) || s.length() > TEXT_MAX) {
                    errors.add(new FieldError(field, "must be text of at most " + TEXT_MAX + " characters", FieldError.Code.TOO_LONG));
                    return null;
                }
                return s;
            }
        }
    }

    /** What an expression sees for a stored value (dates become CEL timestamps). */
    static Object forExpression(Object value) {
        return value instanceof LocalDate d ? Cel.timestamp(d) : value;
    }

    private static List<String> optionValues(Question q) {
        return q.options().stream().map(io.undersign.engine.model.Option::value).toList();
    }

    private static String format(Double bound) {
        if (bound == null) {
            return "…";
        }
        return bound == Math.rint(bound) ? String.valueOf(bound.longValue()) : String.valueOf(bound);
    }
}

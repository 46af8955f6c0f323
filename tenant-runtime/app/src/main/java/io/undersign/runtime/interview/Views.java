package io.undersign.runtime.interview;

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

    /**
     * One field: its current value as text, its choices, its problem (null when fine); {@code followUp}
     * when it is asked now because of an answer just given (said so, not shown as a mistake);
     * {@code prefix}/{@code suffix}: "£", "years" beside the input rather than in the question;
     * {@code asked} false: not asked now (hidden; the page's script shows it once an answer makes it due).
     */
    record Field(String id, String kind, String text, String help, String prefix, String suffix, boolean required, String value,
            List<Choice> choices, String error, boolean followUp, boolean asked) {
        public boolean hasError() {
            return error != null;
        }

        /** What the input's aria-describedby names. */
        public String describedBy() {
            StringBuilder ids = new StringBuilder();
            if (followUp) {
                ids.append(id).append("-new ");
            }
            if (help != null) {
                ids.append(id).append("-hint ");
            }
            if (error != null) {
                ids.append(id).append("-error");
            }
            return ids.toString().strip();
        }
    }

    /** A problem in the summary: the question's words, then what to do. */
    record Problem(String field, String question, String message) {
    }

    record PageView(Brand brand, String caseId, String shortRef, String pageId, String title, int number, int of, List<Field> fields,
            List<Problem> errors, boolean hasFollowUps, boolean hasPrevious, String shown) {
        public boolean hasErrors() {
            return !errors.isEmpty();
        }
    }

    record ReviewLine(String question, String answer, String pageId, String pageTitle) {
    }

    record ReviewView(Brand brand, String caseId, String shortRef, List<ReviewLine> lines) {
    }

    /**
     * A decision in plain words: the headline, the terms, what happens next and when, who will be in
     * touch; {@code refreshSeconds} > 0 while it waits for evidence.
     */
    record DecisionView(Brand brand, String caseId, String shortRef, String outcome, String headline, List<String> details,
            List<String> next, int refreshSeconds) {
    }

    record IneligibleView(Brand brand, String caseId, String shortRef, List<String> reasons, String changePageId, String changePageTitle) {
    }

    static Field field(Question q, Object value, String error, boolean followUp, boolean asked) {
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
            choices = List.of(new Choice("true", "Yes", Boolean.TRUE.equals(value) || "true".equals(value)),
                    new Choice("false", "No", Boolean.FALSE.equals(value) || "false".equals(value)));
        } else {
            choices = q.options().stream().map(o -> new Choice(o.value(), o.label(), selected(o, value))).toList();
        }
        String text = value == null || value instanceof List ? "" : plain(value);
        boolean money = InterviewWording.money(q);
        return new Field(q.id(), kind, q.text(), q.help(), money ? "£" : null, money || q.unit() == null ? null : q.unit(), q.required(),
                text, choices, error, followUp, asked);
    }

    /** What the applicant typed, to show again as typed: a list for multi-choice, else the first value. */
    static Object typedValue(Question q, List<String> typed) {
        return q.type() == QuestionType.MULTI_CHOICE ? typed : typed.get(0);
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
        if (value instanceof Number n && q.type().numeric()) {
            String amount = InterviewWording.amount(q, n.doubleValue());
            return q.unit() == null || InterviewWording.money(q) ? amount : amount + " " + q.unit();
        }
        return q.options().isEmpty() ? plain(value) : label(q, String.valueOf(value));
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

package io.undersign.runtime.interview;

import io.undersign.engine.FieldError;
import io.undersign.engine.model.Question;
import io.undersign.engine.model.QuestionType;
import java.text.NumberFormat;
import java.util.Locale;

/**
 * What the interview says to applicants about their answers, in their words rather than the
 * engine's: amounts in pounds with separators, units where they belong, one short instruction
 * per problem ("Enter an amount between £10,000 and £5,000,000").
 */
final class InterviewWording {
    static final String POUNDS = "GBP";
    private static final NumberFormat NUMBERS = NumberFormat.getNumberInstance(Locale.UK);

    private InterviewWording() {
    }

    /** The instruction for a problem with an answer to {@code q}. */
    static String problem(Question q, FieldError error) {
        return switch (error.code()) {
            case REQUIRED -> required(q);
            case NOT_A_NUMBER -> money(q) ? "Enter an amount in pounds, like 250,000"
                    : q.type() == QuestionType.INTEGER ? "Enter a whole number, like 25" : "Enter a number, like 72.5";
            case NOT_A_WHOLE_NUMBER -> "Enter a whole number" + (q.unit() == null || money(q) ? "" : " of " + q.unit()) + ", like 25";
            case OUT_OF_RANGE, TOO_LARGE -> range(q);
            case NOT_TRUE_OR_FALSE -> "Select yes or no";
            case NOT_AN_OPTION -> q.type() == QuestionType.MULTI_CHOICE ? "Select the options that apply" : "Select one of the options";
            case NOT_A_DATE -> "Enter a real date, like 15 June 1990 (as day, month and year)";
            case AFTER_APPLICATION_DATE -> "Enter a date in the past";
            case TOO_LONG -> "Use at most 2,000 characters";
            case UNKNOWN_QUESTION, INVALID -> error.message();
        };
    }

    static String required(Question q) {
        return switch (q.type()) {
            case BOOLEAN -> "Select yes or no";
            case SINGLE_CHOICE -> "Select one of the options";
            case MULTI_CHOICE -> "Select the options that apply, or none";
            case DATE -> "Enter a date";
            case NUMBER, INTEGER -> money(q) ? "Enter an amount in pounds" : "Enter a number";
            case TEXT -> "Enter your answer";
        };
    }

    private static String range(Question q) {
        if (q.min() == null && q.max() == null) {
            return "Enter a smaller number";
        }
        String unit = q.unit() == null || money(q) ? "" : " " + q.unit();
        String what = money(q) ? "an amount" : q.type() == QuestionType.INTEGER ? "a whole number" : "a number";
        if (q.min() != null && q.max() != null) {
            return "Enter " + what + " between " + amount(q, q.min()) + " and " + amount(q, q.max()) + unit;
        }
        return q.min() != null ? "Enter " + what + " of at least " + amount(q, q.min()) + unit
                : "Enter " + what + " of at most " + amount(q, q.max()) + unit;
    }

    /** {@code 250000} as "£250,000" for amounts in pounds, "250,000" otherwise. */
    static String amount(Question q, double value) {
        String number;
        synchronized (NUMBERS) {
            number = NUMBERS.format(value);
        }
        return money(q) ? "£" + number : number;
    }

    static boolean money(Question q) {
        return POUNDS.equals(q.unit());
    }
}

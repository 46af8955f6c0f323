package io.undersign.controlplane.api;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Text a person reads (a tenant's name, a token's name): printable characters only. Control
 * characters (NUL, CR/LF, ESC, TAB), bidirectional overrides and isolates, line separators,
 * unpaired surrogates and unassigned code points are refused before anything is made, since
 * they would forge log lines, reorder what a reader sees, or break the systems a name reaches.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = PlainText.Validator.class)
public @interface PlainText {
    String message() default "must be printable text: no control characters, line breaks or bidirectional overrides";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<PlainText, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || value.codePoints().allMatch(Validator::printable);
        }

        static boolean printable(int c) {
            int type = Character.getType(c);
            return type != Character.CONTROL && type != Character.SURROGATE && type != Character.UNASSIGNED
                    && type != Character.LINE_SEPARATOR && type != Character.PARAGRAPH_SEPARATOR && type != Character.PRIVATE_USE
                    && !bidiControl(c);
        }

        /** LRM, RLM, ALM, the embeddings and overrides (LRE..RLO) and the isolates (LRI..PDI). */
        private static boolean bidiControl(int c) {
            return c == 0x200E || c == 0x200F || c == 0x061C || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
        }
    }
}

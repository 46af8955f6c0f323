package io.undersign.oncall;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/** Phone numbers as pages need them: E.164, checked by libphonenumber against the numbering plan of their country. */
public final class PhoneNumbers {
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private PhoneNumbers() {
    }

    /**
     * {@code raw} in E.164 ({@code +447911123456}), or a refusal naming {@code field}. The number must
     * carry its country code: a rota spans countries, so no default region is guessed.
     */
    public static String e164(String raw, String field) {
        if (raw == null || raw.isBlank()) {
            throw new OncallException(field, "a phone number is required, in international form like +44 7911 123456");
        }
        if (raw.length() > 32) {
            throw new OncallException(field, "a phone number has at most 32 characters");
        }
        PhoneNumber number;
        try {
            number = UTIL.parse(raw, "ZZ");
        } catch (NumberParseException e) {
            throw new OncallException(field, "'" + printable(raw) + "' is not a phone number in international form (+ and country code): "
                    + describe(e.getErrorType()));
        }
        if (!UTIL.isValidNumber(number)) {
            throw new OncallException(field, "'" + printable(raw) + "' is not a valid number in its country's numbering plan");
        }
        return UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
    }

    /** True when both are the same number, whatever their formatting. */
    public static boolean same(String a, String b) {
        return a != null && b != null && UTIL.isNumberMatch(a, b) == PhoneNumberUtil.MatchType.EXACT_MATCH;
    }

    private static String describe(NumberParseException.ErrorType type) {
        return switch (type) {
            case INVALID_COUNTRY_CODE -> "no known country code";
            case NOT_A_NUMBER -> "not a number";
            case TOO_SHORT_NSN, TOO_SHORT_AFTER_IDD -> "too short";
            case TOO_LONG -> "too long";
        };
    }

    private static String printable(String raw) {
        return raw.codePoints().allMatch(c -> c >= 0x20 && c < 0x7f) ? raw : "(unprintable)";
    }
}

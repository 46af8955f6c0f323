package io.undersign.runtime.cases;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/** Case ids are 128 random bits: they double as the applicant's case link, so they must not be guessable. */
public final class CaseIds {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{22}");

    private CaseIds() {
    }

    public static String next() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Crockford's base32 without I, L, O and U: nothing to misread over the phone. */
    private static final char[] READABLE = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

    /** A reference a person can read out, e.g. {@code K7M2-QX9D} (40 random bits; unique by the database). */
    public static String shortRef() {
        StringBuilder out = new StringBuilder(9);
        for (int i = 0; i < 8; i++) {
            if (i == 4) {
                out.append('-');
            }
            out.append(READABLE[RANDOM.nextInt(READABLE.length)]);
        }
        return out.toString();
    }

    public static boolean wellFormed(String id) {
        return id != null && SHAPE.matcher(id).matches();
    }
}

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

    public static boolean wellFormed(String id) {
        return id != null && SHAPE.matcher(id).matches();
    }
}

package io.undersign.oncall;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a rota member's text says: {@code ACK <code>} acknowledges an incident; anything else is plain text. */
public final class SmsReply {
    private static final Pattern ACK = Pattern.compile("\\s*ack\\s+([a-z0-9]{4,12})\\s*[.!]?\\s*", Pattern.CASE_INSENSITIVE);

    private SmsReply() {
    }

    /** The acknowledgement code in {@code body}, upper-cased, if it is an acknowledgement. */
    public static Optional<String> ackCode(String body) {
        Matcher m = ACK.matcher(body == null ? "" : body);
        return m.matches() ? Optional.of(m.group(1).toUpperCase(Locale.ROOT)) : Optional.empty();
    }
}

package io.undersign.controlplane.logging;

import io.quarkus.logging.LoggingFilter;
import java.util.logging.Filter;
import java.util.logging.LogRecord;
import org.jboss.logmanager.ExtLogRecord;

/**
 * Log lines carry values people supplied (names, ids, error texts quoting them). Any control
 * character, line break or bidirectional override in a message is written as {@code \\uXXXX},
 * so nothing supplied can forge a log line, hide text or reorder what a reader sees.
 */
@LoggingFilter(name = "escape-untrusted")
public final class EscapeUntrustedText implements Filter {

    @Override
    public boolean isLoggable(LogRecord record) {
        String formatted = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
        if (formatted != null) {
            String escaped = escape(formatted);
            if (!escaped.equals(formatted) || record.getParameters() != null) {
                record.setMessage(escaped);
                record.setParameters(null);
                if (record instanceof ExtLogRecord ext) {
                    ext.setMessage(escaped, ExtLogRecord.FormatStyle.NO_FORMAT);
                }
            }
        }
        return true;
    }

    /** Visible for tests. */
    public static String escape(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (unsafe(c)) {
                if (out == null) {
                    out = new StringBuilder(text.length() + 16).append(text, 0, i);
                }
                out.append(String.format("\\u%04x", (int) c));
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    private static boolean unsafe(char c) {
        int type = Character.getType(c);
        return (type == Character.CONTROL && c != '\t') || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                || c == 0x200E || c == 0x200F || c == 0x061C || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
    }
}

package io.undersign.privacy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How long a tenant keeps each class of case after its last change, and which cases are past it.
 * A case's class follows the decision that stands on it (an underwriter's final one, else the
 * engine's latest); cases still being decided have no retention by age.
 */
public final class Retention {
    /** The classes, each with the platform's default in months (null: kept until erased by request). */
    public static final Map<String, Integer> DEFAULTS = defaults();

    private static Map<String, Integer> defaults() {
        Map<String, Integer> d = new LinkedHashMap<>();
        d.put("incomplete", 6);    // an interview started and never sent
        d.put("declined", 24);
        d.put("postponed", 24);
        d.put("accepted", null);   // cover was offered: kept for the policy's life, as the insurer decides
        return java.util.Collections.unmodifiableMap(d);
    }

    /** A case kept past its class's retention. */
    public record Overdue(String caseId, String dataClass, Instant lastChange, int retentionMonths) {
    }

    private static final String CLASS = """
            CASE WHEN c.status = 'OPEN' THEN 'incomplete' ELSE
              CASE COALESCE((SELECT r.outcome FROM case_review r WHERE r.case_id = c.id AND r.status = 'FINAL' ORDER BY r.id DESC LIMIT 1),
                            (SELECT d.outcome FROM case_decision d WHERE d.case_id = c.id ORDER BY d.id DESC LIMIT 1))
                WHEN 'DECLINE' THEN 'declined' WHEN 'POSTPONE' THEN 'postponed'
                WHEN 'STANDARD' THEN 'accepted' WHEN 'RATED' THEN 'accepted' WHEN 'EXCLUSION' THEN 'accepted'
                ELSE 'in-progress' END
            END""";

    private Retention() {
    }

    /** Every case not yet erased that is past its class's retention ({@code months}: class → months, null or absent: no limit). */
    public static List<Overdue> overdue(Connection c, Map<String, Integer> months, Instant now) throws SQLException {
        List<Overdue> out = new ArrayList<>();
        for (Map.Entry<String, Integer> rule : months.entrySet()) {
            if (rule.getValue() == null) {
                continue;
            }
            Instant cutoff = now.atZone(ZoneOffset.UTC).minusMonths(rule.getValue()).toInstant();
            try (PreparedStatement s = c.prepareStatement("SELECT id, updated_at FROM (SELECT c.id, c.updated_at, " + CLASS
                    + " AS data_class FROM case_file c WHERE c.erased_at IS NULL AND c.updated_at < ?) x WHERE data_class = ? ORDER BY updated_at")) {
                s.setTimestamp(1, Timestamp.from(cutoff));
                s.setString(2, rule.getKey());
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.add(new Overdue(r.getString(1), rule.getKey(), r.getTimestamp(2).toInstant(), rule.getValue()));
                    }
                }
            }
        }
        return out;
    }
}

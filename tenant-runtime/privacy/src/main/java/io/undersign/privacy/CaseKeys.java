package io.undersign.privacy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/** The wrapped data keys in the tenant's key database, on a connection to its data (one transaction covers both). */
public final class CaseKeys {

    private CaseKeys() {
    }

    public static void insert(Connection c, KeyStore store, String caseId, byte[] wrapped, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO " + store.table("case_key") + " (case_id, wrapped, created_at) VALUES (?, ?, ?)")) {
            s.setString(1, caseId);
            s.setBytes(2, wrapped);
            s.setTimestamp(3, Timestamp.from(now));
            s.executeUpdate();
        }
    }

    public static Optional<byte[]> find(Connection c, KeyStore store, String caseId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT wrapped FROM " + store.table("case_key") + " WHERE case_id = ?")) {
            s.setString(1, caseId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(r.getBytes(1)) : Optional.empty();
            }
        }
    }

    /** The wrapped keys of several cases (those that have one), in one query. */
    public static java.util.Map<String, byte[]> findAll(Connection c, KeyStore store, java.util.List<String> caseIds) throws SQLException {
        java.util.Map<String, byte[]> found = new java.util.HashMap<>();
        if (caseIds.isEmpty()) {
            return found;
        }
        try (PreparedStatement s = c.prepareStatement("SELECT case_id, wrapped FROM " + store.table("case_key") + " WHERE case_id IN ("
                + String.join(", ", java.util.Collections.nCopies(caseIds.size(), "?")) + ")")) {
            for (int i = 0; i < caseIds.size(); i++) {
                s.setString(i + 1, caseIds.get(i));
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    found.put(r.getString(1), r.getBytes(2));
                }
            }
        }
        return found;
    }

    /** Destroys the case's data key; false when it was gone already. */
    public static boolean destroy(Connection c, KeyStore store, String caseId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM " + store.table("case_key") + " WHERE case_id = ?")) {
            s.setString(1, caseId);
            return s.executeUpdate() > 0;
        }
    }
}

package io.undersign.runtime.db;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.ArrayList;
import java.util.List;

/**
 * Plain JDBC on the tenant's managed datasource: statements join the caller's transaction, so
 * repositories stay small and a unit of work commits together.
 */
@ApplicationScoped
public class Jdbc {
    /** MySQL/MariaDB ER_DUP_ENTRY. */
    private static final int DUPLICATE_KEY = 1062;

    /** Reads one row into a value. */
    @FunctionalInterface
    public interface Row<T> {
        T read(ResultSet r) throws SQLException;
    }

    @Inject
    AgroalDataSource dataSource;

    public int update(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, params);
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write: " + e.getMessage(), e);
        }
    }

    /**
     * An insert that may meet an existing key: false when the row was already there. Other
     * constraint failures (a missing parent row) are errors, not duplicates.
     */
    public boolean insertIfAbsent(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, params);
            s.executeUpdate();
            return true;
        } catch (SQLIntegrityConstraintViolationException e) {
            if (e.getErrorCode() == DUPLICATE_KEY) {
                return false;
            }
            throw new IllegalStateException("cannot write: " + e.getMessage(), e);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write: " + e.getMessage(), e);
        }
    }

    /** {@code ?, ?, ?} for an IN list of {@code count} values. */
    public static String placeholders(int count) {
        return String.join(", ", java.util.Collections.nCopies(count, "?"));
    }

    public <T> List<T> query(String sql, Row<T> row, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, params);
            List<T> out = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(row.read(r));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read: " + e.getMessage(), e);
        }
    }

    /** What the driver would send for a TIMESTAMP(6), with its microseconds. */
    private static final java.time.format.DateTimeFormatter MICROSECONDS =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    private static void bind(PreparedStatement s, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            if (params[i] instanceof java.sql.Timestamp t) {
                // Connector/J drops fractions of a second for servers that report MySQL < 5.6.4, as MariaDB
                // does ("5.5.5-10.x"); sent as text in the connection's zone (the JVM's, as the driver sends
                // it), they are kept, and cases created in one second keep their order
                s.setString(i + 1, t.toLocalDateTime().format(MICROSECONDS));
            } else {
                s.setObject(i + 1, params[i]);
            }
        }
    }
}

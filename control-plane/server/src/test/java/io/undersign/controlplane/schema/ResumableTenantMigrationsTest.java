package io.undersign.controlplane.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.undersign.controlplane.db.MysqlServerResolver;
import io.undersign.controlplane.support.TenantSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A control plane can be killed at any point of the schema step, and MySQL keeps every DDL
 * statement that finished before the kill. For every tenant migration and every point between its
 * statements, the step's retry must reach the same schema as an uninterrupted run: both when the
 * kill left nothing in Flyway's history and when Flyway recorded the attempt as failed.
 */
class ResumableTenantMigrationsTest {
    private static final ClassLoader LOADER = ResumableTenantMigrationsTest.class.getClassLoader();
    private static String server;
    private static String cleanSchema;
    private final List<String> databases = new ArrayList<>();

    @TempDir
    Path scratch;

    @BeforeAll
    static void server() throws SQLException {
        server = new MysqlServerResolver(Path.of("target/embedded-mariadb")).resolve();
        try (Scratch clean = new Scratch()) {
            flyway(clean.name).migrate();
            cleanSchema = describe(clean.name);
        }
    }

    @AfterEach
    void dropDatabases() throws SQLException {
        try (Connection c = root(); Statement s = c.createStatement()) {
            for (String db : databases) {
                s.execute("DROP DATABASE IF EXISTS `" + db + "`");
            }
        }
    }

    @Test
    void aRetryCompletesAMigrationKilledAfterAnyOfItsStatements() throws Exception {
        List<String> files = TenantSchema.migrations();
        for (int n = 0; n < files.size(); n++) {
            List<String> statements = statements(files.get(n));
            for (int done = 1; done <= statements.size(); done++) {
                String db = newDatabase();
                applyUpTo(db, n);
                try (Connection c = as(db); Statement s = c.createStatement()) {
                    for (String sql : statements.subList(0, done)) {
                        s.execute(sql);
                    }
                }
                TenantFlyway.Outcome outcome = flyway(db).migrate();
                assertThat(describe(db)).as("%s killed after statement %d of %d", files.get(n), done, statements.size())
                        .isEqualTo(cleanSchema);
                assertThat(outcome.applied()).isEqualTo(files.size() - n);
            }
        }
    }

    @Test
    void aRetryClearsAFailedAttemptAndCompletesIt() throws Exception {
        List<String> files = TenantSchema.migrations();
        for (int n = 0; n < files.size(); n++) {
            List<String> statements = statements(files.get(n));
            for (int done = 0; done < statements.size(); done++) {
                String db = newDatabase();
                applyUpTo(db, n);
                failAfter(db, files, n, statements.subList(0, done));
                TenantFlyway.Outcome outcome = flyway(db).migrate();
                assertThat(describe(db)).as("%s failed after statement %d", files.get(n), done).isEqualTo(cleanSchema);
                assertThat(outcome.failedAttemptsCleared()).isEqualTo(1);
            }
        }
    }

    @Test
    void aFailedAttemptBesideAnEditedMigrationIsLeftForAPerson() throws Exception {
        List<String> files = TenantSchema.migrations();
        String db = newDatabase();
        int last = files.size() - 1;
        applyUpTo(db, last);
        failAfter(db, files, last, List.of());
        try (Connection c = as(db); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '1'");
        }
        String before = describe(db) + history(db);

        assertThatThrownBy(() -> flyway(db).migrate()).hasMessageContaining("does not match this build's migrations")
                .hasMessageContaining("V1");
        assertThat(describe(db) + history(db)).isEqualTo(before);
    }

    /** Flyway's own failure record: it runs the first statements of migration n, then one that fails. */
    private void failAfter(String db, List<String> files, int n, List<String> done) throws IOException {
        Path dir = Files.createDirectories(scratch.resolve(db));
        for (int i = 0; i < n; i++) {
            Files.writeString(dir.resolve(files.get(i)), read(files.get(i)));
        }
        String failing = String.join(";\n", done) + (done.isEmpty() ? "" : ";\n") + "SELECT * FROM no_such_table;\n";
        Files.writeString(dir.resolve(files.get(n)), failing);
        Flyway broken = Flyway.configure().dataSource(server + "/" + db, "root", "").locations("filesystem:" + dir).load();
        assertThatThrownBy(broken::migrate).hasMessageContaining("no_such_table");
    }

    /** The migrations before n, as a run killed in migration n left them (Flyway makes its history table first). */
    private void applyUpTo(String db, int n) throws IOException {
        if (n == 0) {
            Path none = Files.createDirectories(scratch.resolve("no-migrations"));
            Flyway.configure().dataSource(server + "/" + db, "root", "").locations("filesystem:" + none).load().migrate();
            return;
        }
        Flyway.configure(LOADER).dataSource(server + "/" + db, "root", "")
                .resourceProvider(new ListedMigrations(TenantFlyway.LOCATION, LOADER))
                .target(version(TenantSchema.migrations().get(n - 1)))
                .load().migrate();
    }

    private String newDatabase() throws SQLException {
        String db = "undersign_migrate_" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection c = root(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE `" + db + "`");
        }
        databases.add(db);
        return db;
    }

    private static TenantFlyway flyway(String db) {
        return new TenantFlyway(server + "/" + db, "root", "", LOADER);
    }

    /** Tables, columns, indexes and foreign keys as information_schema tells them, in a stable order. */
    private static String describe(String db) throws SQLException {
        StringBuilder out = new StringBuilder();
        try (Connection c = root(); Statement s = c.createStatement()) {
            append(out, s, "SELECT table_name, column_name, ordinal_position, column_type, is_nullable, column_default "
                    + "FROM information_schema.columns WHERE table_schema = '" + db + "' AND table_name <> 'flyway_schema_history' "
                    + "ORDER BY table_name, ordinal_position");
            append(out, s, "SELECT table_name, index_name, non_unique, seq_in_index, column_name FROM information_schema.statistics "
                    + "WHERE table_schema = '" + db + "' AND table_name <> 'flyway_schema_history' ORDER BY table_name, index_name, seq_in_index");
            append(out, s, "SELECT table_name, constraint_name, referenced_table_name FROM information_schema.referential_constraints "
                    + "WHERE constraint_schema = '" + db + "' ORDER BY table_name, constraint_name");
        }
        return out.toString();
    }

    private static String history(String db) throws SQLException {
        StringBuilder out = new StringBuilder();
        try (Connection c = root(); Statement s = c.createStatement()) {
            append(out, s, "SELECT version, checksum, success FROM `" + db + "`.flyway_schema_history ORDER BY installed_rank");
        }
        return out.toString();
    }

    private static void append(StringBuilder out, Statement s, String sql) throws SQLException {
        try (ResultSet r = s.executeQuery(sql)) {
            int columns = r.getMetaData().getColumnCount();
            while (r.next()) {
                for (int i = 1; i <= columns; i++) {
                    out.append(r.getString(i)).append(i == columns ? "\n" : " | ");
                }
            }
        }
    }

    /** A migration's statements, split where a line ends with ';' (the tenant migrations keep to that). */
    private static List<String> statements(String file) {
        String withoutComments = read(file).lines().filter(l -> !l.strip().startsWith("--"))
                .reduce("", (a, b) -> a + b + "\n");
        return Arrays.stream(withoutComments.split(";\\s*\n")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String read(String file) {
        try (InputStream in = LOADER.getResourceAsStream(TenantFlyway.LOCATION + "/" + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String version(String file) {
        return file.substring(1, file.indexOf("__"));
    }

    private static Connection root() throws SQLException {
        return DriverManager.getConnection(server + "/", "root", "");
    }

    private static Connection as(String db) throws SQLException {
        return DriverManager.getConnection(server + "/" + db, "root", "");
    }

    /** A database for the clean run, dropped when closed. */
    private static final class Scratch implements AutoCloseable {
        final String name = "undersign_migrate_clean_" + UUID.randomUUID().toString().substring(0, 8);

        Scratch() throws SQLException {
            try (Connection c = root(); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE `" + name + "`");
            }
        }

        @Override
        public void close() throws SQLException {
            try (Connection c = root(); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS `" + name + "`");
            }
        }
    }
}

package io.undersign.controlplane.schema;

import java.util.Arrays;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.CoreErrorCode;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.core.api.output.RepairResult;
import org.flywaydb.core.api.output.ValidateOutput;

/**
 * Brings one tenant database to the schema in {@code db/tenant}, and on from wherever an earlier
 * attempt stopped. MySQL commits DDL statement by statement, so an attempt killed part-way leaves
 * some of a migration applied, either with nothing in Flyway's history or with the migration
 * recorded as failed. Every tenant migration checks each change before making it (see
 * migrations/README.md), so running the whole file again completes it; a failed record is first
 * removed with Flyway's repair, but only when it is the sole thing wrong with the history: a
 * changed checksum means someone edited a released migration, and that is refused, not repaired.
 */
public final class TenantFlyway {
    public static final String LOCATION = "db/tenant";
    /** The tenant's key database's migrations (a history of their own, in that database). */
    public static final String KEYS_LOCATION = "db/tenant-keys";

    /** What one call did: the schema version reached, migrations run, failed attempts cleared. */
    public record Outcome(String schemaVersion, int applied, int failedAttemptsCleared) {
    }

    private final Flyway flyway;

    public TenantFlyway(String jdbcUrl, String user, String password, ClassLoader loader) {
        this(jdbcUrl, user, password, loader, null);
    }

    /** {@code target}: the version to stop at (a release's schema); null for the newest. */
    public TenantFlyway(String jdbcUrl, String user, String password, ClassLoader loader, String target) {
        this(jdbcUrl, user, password, loader, target, LOCATION, null);
    }

    private TenantFlyway(String jdbcUrl, String user, String password, ClassLoader loader, String target, String location, String schema) {
        var configuration = Flyway.configure(loader)
                .dataSource(jdbcUrl, user, password)
                .resourceProvider(new ListedMigrations(location, loader))
                .locations("classpath:" + location)
                .cleanDisabled(true);
        if (schema != null) {
            // the connection names the data's database; Flyway works in the key database (which the control plane made)
            configuration = configuration.schemas(schema).createSchemas(false);
        }
        this.flyway = (target == null ? configuration : configuration.target(target)).load();
    }

    /** The tenant's key database, migrated over a connection to its data's database. */
    public static TenantFlyway keyStore(String jdbcUrl, String user, String password, ClassLoader loader, String keyDatabase) {
        return new TenantFlyway(jdbcUrl, user, password, loader, null, KEYS_LOCATION, keyDatabase);
    }

    /** The tenant schema versions this build can migrate to ("1", "2", …), in order. */
    public static List<String> versions(ClassLoader loader) {
        return steps(loader).stream().map(SchemaStep::version).toList();
    }

    /** The tenant migrations this build has, tagged expand or contract. */
    public static List<SchemaStep> steps(ClassLoader loader) {
        return new ListedMigrations(LOCATION, loader).steps();
    }

    public Outcome migrate() {
        int cleared = clearFailedAttempts();
        MigrateResult result = flyway.migrate();
        MigrationInfo current = flyway.info().current();
        return new Outcome(current == null ? "none" : current.getVersion().getVersion(), result.migrationsExecuted, cleared);
    }

    private int clearFailedAttempts() {
        boolean anyFailed = Arrays.stream(flyway.info().applied()).anyMatch(m -> m.getState().isFailed());
        if (!anyFailed) {
            return 0;
        }
        List<ValidateOutput> otherProblems = Flyway.configure().configuration(flyway.getConfiguration())
                .ignoreMigrationPatterns("*:pending").load()
                .validateWithResult().invalidMigrations.stream()
                .filter(m -> m.errorDetails.errorCode != CoreErrorCode.FAILED_VERSIONED_MIGRATION)
                .toList();
        if (!otherProblems.isEmpty()) {
            throw new IllegalStateException("the tenant's schema history does not match this build's migrations, so its failed "
                    + "attempt is left for a person to look at: " + otherProblems.stream()
                            .map(m -> "V" + m.version + " " + m.errorDetails.errorMessage).toList());
        }
        RepairResult repaired = flyway.repair();
        return repaired.migrationsRemoved.size();
    }
}

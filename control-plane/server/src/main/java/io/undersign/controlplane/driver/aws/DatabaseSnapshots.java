package io.undersign.controlplane.driver.aws;

import java.time.Duration;
import software.amazon.awssdk.core.retry.backoff.FixedDelayBackoffStrategy;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DbSnapshotAlreadyExistsException;

/**
 * The offboarding export on AWS: a manual snapshot of the tenant's database (kept until an
 * operator deletes it, unlike automated backups), under a name fixed per tenant so a retried
 * step waits for the snapshot already started instead of taking a second one.
 */
public final class DatabaseSnapshots {
    private final RdsClient rds;
    private final Duration pollInterval;
    private final Duration timeout;

    public DatabaseSnapshots(RdsClient rds, Duration pollInterval, Duration timeout) {
        this.rds = rds;
        this.pollInterval = pollInterval;
        this.timeout = timeout;
    }

    /** Takes (or finds) the snapshot and waits until it is available; returns its ARN. */
    public String snapshot(String dbInstance, String snapshotId) {
        try {
            rds.createDBSnapshot(r -> r.dbInstanceIdentifier(dbInstance).dbSnapshotIdentifier(snapshotId)
                    .tags(t -> t.key("undersign:purpose").value("offboarding-export")));
        } catch (DbSnapshotAlreadyExistsException started) {
            // a retried step: wait for the one already being taken
        }
        int attempts = (int) Math.max(1, timeout.toMillis() / Math.max(1, pollInterval.toMillis()));
        return rds.waiter().waitUntilDBSnapshotAvailable(r -> r.dbSnapshotIdentifier(snapshotId), w -> w.maxAttempts(attempts)
                .backoffStrategy(FixedDelayBackoffStrategy.create(pollInterval)))
                .matched().response().orElseThrow(() -> new IllegalStateException("snapshot " + snapshotId + " did not become available"))
                .dbSnapshots().get(0).dbSnapshotArn();
    }
}

package io.undersign.controlplane.release;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A tenant-runtime build the control plane keeps, named by its SHA-256, with the stamp read from inside it. */
@Entity
@Table(name = "runtime_artifact")
public class RuntimeArtifact {
    @Id
    public String sha256;

    @Column(name = "size_bytes")
    public long sizeBytes;

    public String version;

    @Column(name = "build_id")
    public String buildId;

    @Column(name = "stored_by")
    public String storedBy;

    @Column(name = "stored_at")
    public Instant storedAt;
}

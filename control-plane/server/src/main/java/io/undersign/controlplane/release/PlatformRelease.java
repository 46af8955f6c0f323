package io.undersign.controlplane.release;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** What a release pins: a runtime build, the tenant schema version and a rulebook version. */
@Entity
@Table(name = "platform_release")
public class PlatformRelease {
    @Id
    public String id;

    @Column(name = "runtime_sha256")
    public String runtimeSha256;

    @Column(name = "runtime_version")
    public String runtimeVersion;

    @Column(name = "build_id")
    public String buildId;

    /** On AWS: the machine image carrying this build (the launch template names it). */
    @Column(name = "runtime_image")
    public String runtimeImage;

    @Column(name = "schema_version")
    public String schemaVersion;

    @Column(name = "rulebook_id")
    public String rulebookId;

    @Column(name = "rulebook_version")
    public String rulebookVersion;

    public String notes;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    /** When a tenant first ran it: from then on it never changes. */
    @Column(name = "first_run_at")
    public Instant firstRunAt;

    /** The same pins (what an identical repeat of a create leaves alone). */
    boolean pinsTheSameAs(PlatformRelease other) {
        return java.util.Objects.equals(runtimeSha256, other.runtimeSha256) && java.util.Objects.equals(runtimeImage, other.runtimeImage)
                && java.util.Objects.equals(schemaVersion, other.schemaVersion) && java.util.Objects.equals(rulebookId, other.rulebookId)
                && java.util.Objects.equals(rulebookVersion, other.rulebookVersion) && java.util.Objects.equals(notes, other.notes);
    }
}

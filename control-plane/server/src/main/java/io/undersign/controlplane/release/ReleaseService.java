package io.undersign.controlplane.release;

import io.undersign.controlplane.api.DomainException;
import io.undersign.controlplane.schema.TenantFlyway;
import io.undersign.controlplane.tenant.Tenant;
import io.undersign.controlplane.tenant.TenantRepository;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Releases: a runtime build, a tenant schema version and a rulebook version, pinned together.
 * A release may be replaced or removed until a tenant first runs it; from then on it never
 * changes (409), so "tenant X runs release R" means the same thing for as long as R exists.
 */
@ApplicationScoped
public class ReleaseService implements PanacheRepositoryBase<PlatformRelease, String> {
    static final Pattern ID = Pattern.compile("[0-9A-Za-z][0-9A-Za-z.+_-]{0,63}");

    /** What a release pins, as asked for. */
    public record Pins(String runtimeSha256, String runtimeImage, String schemaVersion, String rulebookId, String rulebookVersion,
            String notes) {
    }

    public record Put(PlatformRelease release, boolean created, boolean changed) {
    }

    @Inject
    RuntimeArtifacts artifacts;

    @Inject
    RulebookStore rulebooks;

    @Inject
    TenantRepository tenants;

    @Inject
    Clock clock;

    @Transactional
    public Put put(String id, Pins pins, String actor) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new DomainException(DomainException.Kind.BAD_REQUEST, "invalid-release-id", "id",
                    "a release id is 1 to 64 letters, digits and . + _ - (starting with a letter or digit), such as 2026.12.1");
        }
        RuntimeArtifact artifact = artifacts.require(pins.runtimeSha256());
        List<String> versions = TenantFlyway.versions(Thread.currentThread().getContextClassLoader());
        if (!versions.contains(pins.schemaVersion())) {
            throw new DomainException(DomainException.Kind.UNPROCESSABLE, "unknown-schema-version", "schemaVersion",
                    "tenant schema version " + pins.schemaVersion() + " is not one this control plane can migrate to; known: "
                            + String.join(", ", versions));
        }
        java.util.Map<String, java.time.Instant> made = new java.util.HashMap<>();
        all().forEach(r -> made.put(r.id, r.createdAt));
        java.util.Map<String, java.time.Instant> running = new java.util.HashMap<>();
        tenants.list("status <> ?1", io.undersign.controlplane.tenant.TenantStatus.OFFBOARDED)
                .forEach(t -> running.put(t.id, t.currentRelease == null ? null : made.get(t.currentRelease)));
        java.util.Optional<String> contract = io.undersign.controlplane.schema.ContractGuard.refuseRelease(
                TenantFlyway.steps(Thread.currentThread().getContextClassLoader()), pins.schemaVersion(), running, made);
        if (contract.isPresent()) {
            throw new DomainException(DomainException.Kind.CONFLICT, "contract-not-safe-yet", "schemaVersion", contract.get());
        }
        try {
            rulebooks.require(pins.rulebookId(), pins.rulebookVersion());
        } catch (DomainException e) {
            throw new DomainException(DomainException.Kind.UNPROCESSABLE, "rulebook-not-found", "rulebook", e.getMessage());
        }
        PlatformRelease wanted = new PlatformRelease();
        wanted.id = id;
        wanted.runtimeSha256 = artifact.sha256;
        wanted.runtimeVersion = artifact.version;
        wanted.buildId = artifact.buildId;
        wanted.runtimeImage = pins.runtimeImage();
        wanted.schemaVersion = pins.schemaVersion();
        wanted.rulebookId = pins.rulebookId();
        wanted.rulebookVersion = pins.rulebookVersion();
        wanted.notes = pins.notes();
        PlatformRelease existing = findById(id);
        if (existing == null) {
            wanted.createdBy = actor;
            wanted.createdAt = clock.instant();
            persist(wanted);
            return new Put(wanted, true, true);
        }
        if (existing.pinsTheSameAs(wanted)) {
            return new Put(existing, false, false);
        }
        requireNeverRun(existing, "changed");
        existing.runtimeSha256 = wanted.runtimeSha256;
        existing.runtimeVersion = wanted.runtimeVersion;
        existing.buildId = wanted.buildId;
        existing.runtimeImage = wanted.runtimeImage;
        existing.schemaVersion = wanted.schemaVersion;
        existing.rulebookId = wanted.rulebookId;
        existing.rulebookVersion = wanted.rulebookVersion;
        existing.notes = wanted.notes;
        return new Put(existing, false, true);
    }

    @Transactional
    public void remove(String id) {
        PlatformRelease release = require(id);
        requireNeverRun(release, "removed");
        delete(release);
    }

    @Transactional
    public PlatformRelease require(String id) {
        PlatformRelease release = id == null ? null : findById(id);
        if (release == null) {
            throw new DomainException(DomainException.Kind.NOT_FOUND, "release-not-found", "id", "no release " + id);
        }
        return release;
    }

    /** Every release, newest first. */
    public List<PlatformRelease> all() {
        return list("order by createdAt desc, id");
    }

    /** The tenants that run this release now, and those it is the previous release of (where a rollback would take them). */
    public List<Tenant> runningOrPrevious(String id) {
        return tenants.list("currentRelease = ?1 or previousRelease = ?1 order by id", id);
    }

    /**
     * Why {@code tenant} may not move to the existing release {@code target} (its schema has contracted
     * past what the target needs), if it may not. Says so rather than throws: a rollout records it.
     */
    @Transactional
    public java.util.Optional<String> whyNotMovable(Tenant tenant, String target) {
        PlatformRelease to = findById(target);
        PlatformRelease from = tenant.currentRelease == null ? null : findById(tenant.currentRelease);
        return io.undersign.controlplane.schema.ContractGuard.refuseMove(TenantFlyway.steps(Thread.currentThread().getContextClassLoader()),
                from == null ? null : from.schemaVersion, to.schemaVersion).map(why -> "tenant " + tenant.id + " cannot run release " + target + ": " + why);
    }

    /** Marks the release as run (a tenant started it): from now on it never changes. */
    @Transactional
    public void markRun(String id) {
        update("firstRunAt = ?1 where id = ?2 and firstRunAt is null", clock.instant(), id);
    }

    private static void requireNeverRun(PlatformRelease release, String how) {
        if (release.firstRunAt != null) {
            throw new DomainException(DomainException.Kind.CONFLICT, "release-immutable", "id",
                    "release " + release.id + " has run on a tenant since " + release.firstRunAt + " and cannot be " + how
                            + "; make a new release");
        }
    }
}

package io.undersign.controlplane.tenant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** An insurer and its silo, as the registry records it. */
@Entity
@Table(name = "tenant")
public class Tenant {

    @Id
    public String id;

    @Column(name = "display_name")
    public String displayName;

    /** Main colour of the tenant's pages, e.g. {@code #1f4e79}; null for the platform default. */
    @Column(name = "brand_colour")
    public String brandColour;

    public String tier;

    public String region;

    @Enumerated(EnumType.STRING)
    public TenantStatus status;

    @Column(name = "current_release")
    public String currentRelease;

    /** The release it ran before its current one: where a rollback takes it. */
    @Column(name = "previous_release")
    public String previousRelease;

    @Column(name = "tls_policy")
    public String tlsPolicy;

    @Column(name = "contact_email")
    public String contactEmail;

    @Column(name = "interview_host")
    public String interviewHost;

    @Column(name = "api_host")
    public String apiHost;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /**
     * Operator labels a rollout can select by ({@code tag:T}); see {@link TenantTags}. Outside optimistic
     * locking: tagging a tenant must not fail an onboarding step that moves it at the same moment.
     */
    @org.hibernate.annotations.OptimisticLock(excluded = true)
    @jakarta.persistence.ElementCollection(fetch = jakarta.persistence.FetchType.EAGER)
    @jakarta.persistence.CollectionTable(name = "tenant_tag", joinColumns = @jakarta.persistence.JoinColumn(name = "tenant_id"))
    @Column(name = "tag")
    public java.util.Set<String> tags = new java.util.TreeSet<>();

    @Version
    public long version;

    /** A detached copy for drivers and steps. */
    public io.undersign.controlplane.driver.TenantSpec spec() {
        return new io.undersign.controlplane.driver.TenantSpec(id, displayName, brandColour, region, tlsPolicy, interviewHost, apiHost,
                currentRelease);
    }

    /** Moves to {@code next}, refusing any transition the lifecycle does not allow. */
    public void moveTo(TenantStatus next, Instant now) {
        if (status != next && !status.canMoveTo(next)) {
            throw new IllegalTransitionException(id, status, next);
        }
        status = next;
        updatedAt = now;
    }
}

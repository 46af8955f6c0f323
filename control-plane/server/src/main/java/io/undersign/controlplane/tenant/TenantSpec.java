package io.undersign.controlplane.tenant;

/** What drivers need to know of a tenant: a detached, immutable copy of the registry row. */
public record TenantSpec(String id, String displayName, String brandColour, String region, String tlsPolicy,
        String interviewHost, String apiHost) {

    public static TenantSpec of(Tenant t) {
        return new TenantSpec(t.id, t.displayName, t.brandColour, t.region, t.tlsPolicy, t.interviewHost, t.apiHost);
    }
}

package io.undersign.controlplane.driver;

/** What drivers and steps need to know of a tenant: a detached, immutable copy of the registry row. */
public record TenantSpec(String id, String displayName, String brandColour, String region, String tlsPolicy,
        String interviewHost, String apiHost) {
}

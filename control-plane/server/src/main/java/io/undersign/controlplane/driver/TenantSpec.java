package io.undersign.controlplane.driver;

/**
 * What drivers and steps need to know of a tenant: a detached, immutable copy of the registry row.
 * {@code release}: the release its runtime runs (the one an upgrade moves it to while that runs);
 * null for a tenant on no release yet, which runs the control plane's default build.
 */
public record TenantSpec(String id, String displayName, String brandColour, String region, String tlsPolicy,
        String interviewHost, String apiHost, String release) {

    public TenantSpec withRelease(String target) {
        return new TenantSpec(id, displayName, brandColour, region, tlsPolicy, interviewHost, apiHost, target);
    }
}

package io.undersign.controlplane.driver;

import java.util.Map;

/**
 * Moves a tenant's runtime to the build of {@code tenant.release()} with no downtime: the new
 * runtime starts beside the serving one, serves once switched, and the replaced one is stopped
 * only after the new one passed its gate. Every method is idempotent.
 */
public interface RuntimeUpgrader {

    /** Starts the new runtime, checked healthy and reporting the release's build, not serving yet. */
    Map<String, String> startCandidate(TenantSpec tenant) throws Exception;

    /** The new runtime serves. */
    Map<String, String> switchTraffic(TenantSpec tenant) throws Exception;

    /** The replaced runtime serves again and the new one is stopped (a failed gate). */
    Map<String, String> switchBack(TenantSpec tenant) throws Exception;

    /** Stops the replaced runtime, gracefully. */
    Map<String, String> retirePrevious(TenantSpec tenant) throws Exception;
}

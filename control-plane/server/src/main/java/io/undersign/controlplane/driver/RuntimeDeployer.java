package io.undersign.controlplane.driver;

import io.undersign.controlplane.driver.TenantSpec;
import java.util.Map;

/** Runs a tenant's runtime with its configuration and knows when it is healthy. */
public interface RuntimeDeployer {

    /** Starts the runtime, or adopts a healthy one already running; returns once it is healthy. */
    Map<String, String> deploy(TenantSpec tenant) throws Exception;

    /** Stops the runtime; a no-op when none runs. */
    Map<String, String> stop(TenantSpec tenant) throws Exception;
}

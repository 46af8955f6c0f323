package io.undersign.controlplane.driver;

import io.undersign.controlplane.driver.TenantSpec;
import java.util.Map;

/** Points a tenant's public host names at its runtime, and can hold its traffic while suspended. */
public interface DnsRegistrar {

    Map<String, String> register(TenantSpec tenant) throws Exception;

    Map<String, String> deregister(TenantSpec tenant) throws Exception;

    /** While suspended, the tenant's hosts answer 503 with a maintenance page. */
    void suspend(TenantSpec tenant) throws Exception;

    void resume(TenantSpec tenant) throws Exception;

    /** Whether no other tenant already holds this host name. */
    boolean isFree(String host);
}

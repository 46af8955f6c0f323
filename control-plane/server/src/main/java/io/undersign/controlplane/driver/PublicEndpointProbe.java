package io.undersign.controlplane.driver;

import io.undersign.controlplane.driver.TenantSpec;
import java.util.Map;

/** Checks a tenant the way its users reach it: through its public host names. */
public interface PublicEndpointProbe {

    /** Throws with a clear message unless both host names answer healthy. */
    Map<String, String> verify(TenantSpec tenant) throws Exception;
}

package io.undersign.controlplane.driver;

import io.undersign.controlplane.driver.TenantSpec;
import java.util.Map;

/** Writes a complete copy of a tenant's data before its silo is removed. */
public interface DataExporter {

    Map<String, String> export(TenantSpec tenant) throws Exception;
}

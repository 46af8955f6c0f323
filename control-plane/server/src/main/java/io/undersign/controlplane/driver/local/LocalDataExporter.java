package io.undersign.controlplane.driver.local;

import io.undersign.controlplane.driver.DataExporter;
import io.undersign.controlplane.driver.StackProvisioner;
import io.undersign.controlplane.driver.TenantSpec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Map;

/** The local export: the tenant's data as a readable zip (TenantExportZip), once the tenant has a database. */
@ApplicationScoped
@Typed(LocalDataExporter.class)
public class LocalDataExporter implements DataExporter {

    @Inject
    StackProvisioner provisioner;

    @Inject
    MysqlServer mysql;

    @Inject
    io.undersign.controlplane.driver.TenantExportZip zip;

    @Override
    public Map<String, String> export(TenantSpec tenant) throws Exception {
        if (!databaseExists(tenant)) {
            // offboarding a tenant whose onboarding failed before its database was made: nothing to keep
            return Map.of("file", "none", "tables", "0", "rows", "0", "reason", "the tenant has no database");
        }
        return zip.write(tenant, provisioner.connection(tenant));
    }

    private boolean databaseExists(TenantSpec tenant) throws Exception {
        try (Connection c = mysql.admin();
                var s = c.prepareStatement("SELECT 1 FROM information_schema.schemata WHERE schema_name = ?")) {
            s.setString(1, io.undersign.controlplane.tenant.TenantNames.database(tenant.id()));
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        }
    }
}

package io.undersign.controlplane.driver.aws;

import io.undersign.controlplane.config.UndersignConfig;
import io.undersign.controlplane.driver.DataExporter;
import io.undersign.controlplane.driver.TenantSpec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.util.Map;

/** Before an AWS silo is destroyed: a manual, kept snapshot of its database. */
@ApplicationScoped
@Typed(AwsDataExporter.class)
public class AwsDataExporter implements DataExporter {

    @Inject
    UndersignConfig config;

    @Inject
    AwsClients clients;

    @Inject
    io.undersign.controlplane.driver.TenantExportZip zip;

    @Inject
    io.undersign.controlplane.driver.StackProvisioner provisioner;

    /**
     * The readable export (health values opened, as the root key is deleted next) and a kept RDS
     * snapshot beside it, which opens only while the root key exists.
     */
    @Override
    public Map<String, String> export(TenantSpec tenant) throws Exception {
        Map<String, String> outputs = new java.util.LinkedHashMap<>(zip.write(tenant, provisioner.connection(tenant)));
        String snapshot = "undersign-" + tenant.id() + "-offboarding";
        String arn = new DatabaseSnapshots(clients.regional(tenant.region()).rds(), config.aws().rolloutPollInterval(),
                config.aws().rolloutTimeout()).snapshot("undersign-" + tenant.id(), snapshot);
        outputs.put("snapshot", snapshot);
        outputs.put("snapshotArn", arn);
        return outputs;
    }
}

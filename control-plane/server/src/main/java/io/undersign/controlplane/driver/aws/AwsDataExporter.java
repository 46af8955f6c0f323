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

    @Override
    public Map<String, String> export(TenantSpec tenant) {
        String snapshot = "undersign-" + tenant.id() + "-offboarding";
        String arn = new DatabaseSnapshots(clients.regional(tenant.region()).rds(), config.aws().rolloutPollInterval(),
                config.aws().rolloutTimeout()).snapshot("undersign-" + tenant.id(), snapshot);
        return Map.of("snapshot", snapshot, "snapshotArn", arn);
    }
}

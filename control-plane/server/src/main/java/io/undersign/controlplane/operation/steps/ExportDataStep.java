package io.undersign.controlplane.operation.steps;

import io.undersign.controlplane.operation.StepHandler;
import io.undersign.controlplane.operation.StepNames;
import io.undersign.controlplane.driver.TenantSpec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import io.undersign.controlplane.driver.DataExporter;

@ApplicationScoped
public class ExportDataStep implements StepHandler {
    @Inject
    DataExporter exporter;

    @Override
    public String name() {
        return StepNames.EXPORT_DATA;
    }

    @Override
    public Map<String, String> run(TenantSpec tenant) throws Exception {
        return exporter.export(tenant);
    }
}

package io.undersign.cli;

import picocli.CommandLine.Command;

@Command(name = "offboard", description = "Export the tenant's data, then remove its runtime, routes, database and users (admin).")
class TenantsOffboard extends TenantAction {
    @Override
    String action() {
        return "offboard";
    }
}

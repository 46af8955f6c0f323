package io.undersign.cli;

import picocli.CommandLine.Command;

@Command(name = "retry", description = "Resume the tenant's failed operation from its failed step.")
class TenantsRetry extends TenantAction {
    @Override
    String action() {
        return "retry";
    }
}

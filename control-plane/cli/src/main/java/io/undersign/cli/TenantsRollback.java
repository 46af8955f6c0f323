package io.undersign.cli;

import picocli.CommandLine.Command;

@Command(name = "rollback", description = "Take the tenant back to its previous release, the same way as an upgrade.")
class TenantsRollback extends TenantAction {
    @Override
    String action() {
        return "rollback";
    }
}

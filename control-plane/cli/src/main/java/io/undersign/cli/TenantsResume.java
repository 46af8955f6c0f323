package io.undersign.cli;

import picocli.CommandLine.Command;

@Command(name = "resume", description = "Start the tenant's runtime again and route its traffic.")
class TenantsResume extends TenantAction {
    @Override
    String action() {
        return "resume";
    }
}

package io.undersign.cli;

import picocli.CommandLine.Command;

@Command(name = "suspend", description = "Stop the tenant's runtime; its hosts answer 503 until resumed.")
class TenantsSuspend extends TenantAction {
    @Override
    String action() {
        return "suspend";
    }
}

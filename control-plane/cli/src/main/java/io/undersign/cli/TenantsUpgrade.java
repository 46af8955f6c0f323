package io.undersign.cli;

import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "upgrade", description = "Move the tenant to a release with no downtime; a failed gate leaves it where it was.")
class TenantsUpgrade extends TenantAction {
    @Option(names = "--release", required = true, description = "Release id")
    String release;

    @Override
    String action() {
        return "upgrade";
    }

    @Override
    Object body() {
        return Map.of("release", release);
    }
}

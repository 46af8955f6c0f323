package io.undersign.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "show", description = "Show a tenant: status, endpoints, TLS policy and its latest operation's steps.")
class TenantsShow implements Callable<Integer> {
    @Mixin
    ApiOptions api;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", description = "Tenant id")
    String id;

    @Override
    public Integer call() throws Exception {
        JsonNode tenant = api.client().get("/api/v1/tenants/" + ApiClient.segment(id), Map.of());
        if (api.json()) {
            Json.print(spec.commandLine().getOut(), tenant);
        } else {
            TenantPrinter.print(spec.commandLine().getOut(), tenant);
        }
        return 0;
    }
}

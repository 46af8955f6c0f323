package io.undersign.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code tenants demo-underwriters T}: demo people of every role in the tenant's local realm, with passwords. */
@Command(name = "demo-underwriters", description = "Make (or show again) demo underwriters in the tenant's local identity realm.")
class TenantsDemoUnderwriters extends ApiCommand {
    @Parameters(index = "0", description = "Tenant id")
    String id;

    @Override
    public Integer call() throws Exception {
        JsonNode answer = api.client().post("/api/v1/tenants/" + ApiClient.segment(id) + "/identity/demo-underwriters", java.util.Map.of(), null);
        return print(answer, a -> {
            Table table = new Table("USERNAME", "PASSWORD", "NAME", "ROLE");
            for (JsonNode u : a.path("underwriters")) {
                table.row(Json.text(u, "username"), Json.text(u, "password"), Json.text(u, "name"), Json.text(u, "role"));
            }
            table.print(out());
            out().println("Sign-in: " + Json.text(a, "issuer"));
        });
    }
}

package io.undersign.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;

/** What every tenant write prints: the operation it started, and with --wait its progress. */
final class Actions {
    private Actions() {
    }

    static int report(ApiClient client, ApiOptions api, CommandSpec spec, JsonNode accepted, boolean waitForIt) throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        JsonNode op = accepted.get("operation");
        String opId = Json.text(op, "id");
        if (!waitForIt) {
            if (api.json()) {
                Json.print(out, accepted);
            } else {
                out.println(Json.text(op, "kind") + " of " + Json.text(op, "tenantId") + " started: operation " + opId);
                out.println("Follow it with: undersign ops watch " + opId);
                out.flush();
            }
            return 0;
        }
        if (!api.json()) {
            out.println(Json.text(op, "kind") + " of " + Json.text(op, "tenantId") + ": operation " + opId);
            out.flush();
        }
        ProgressWatcher.watch(client, opId, out, api.json());
        JsonNode tenant = client.get("/api/v1/tenants/" + ApiClient.segment(Json.text(op, "tenantId")), Map.of());
        if (api.json()) {
            Json.print(out, tenant);
        } else {
            out.println("Tenant " + Json.text(tenant, "id") + " is " + Json.text(tenant, "status"));
            out.println("  interview: " + Json.text(tenant.get("endpoints"), "interview"));
            out.println("  api:       " + Json.text(tenant.get("endpoints"), "api"));
            out.flush();
        }
        return 0;
    }
}

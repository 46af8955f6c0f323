package io.undersign.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "audit", description = "Read the audit trail of admin actions, newest first.")
class AuditCommand implements Callable<Integer> {
    @Mixin
    ApiOptions api;

    @Spec
    CommandSpec spec;

    @Option(names = "--tenant", description = "Only actions on this tenant")
    String tenant;

    @Option(names = "--actor", description = "Only actions by this token name")
    String actor;

    @Option(names = "--from", description = "From this instant (ISO-8601, e.g. 2026-11-29T00:00:00Z)")
    String from;

    @Option(names = "--to", description = "Before this instant (ISO-8601)")
    String to;

    @Option(names = "--cursor", description = "Continue from a previous page's cursor (older entries)")
    String cursor;

    @Option(names = "--limit", defaultValue = "50", description = "At most this many entries (default ${DEFAULT-VALUE})")
    int limit;

    @Override
    public Integer call() throws Exception {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("tenant", tenant);
        query.put("actor", actor);
        query.put("from", from);
        query.put("to", to);
        query.put("limit", String.valueOf(limit));
        query.put("cursor", cursor);
        JsonNode page = api.client().get("/api/v1/audit", query);
        if (api.json()) {
            Json.print(spec.commandLine().getOut(), page);
            return 0;
        }
        Table table = new Table("AT", "ACTOR", "ACTION", "TENANT", "OUTCOME", "REQUEST", "DETAIL");
        for (JsonNode e : page.get("items")) {
            table.row(Json.text(e, "at"), Json.text(e, "actor"), Json.text(e, "action"), Json.text(e, "tenantId"),
                    Json.text(e, "outcome"), Json.text(e, "requestId"), Json.text(e, "detail"));
        }
        table.print(spec.commandLine().getOut());
        Json.printNextCursor(spec.commandLine().getOut(), page);
        return 0;
    }
}

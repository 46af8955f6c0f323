package io.undersign.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "list", description = "List tenants, optionally by status; pages through all of them with --all.")
class TenantsList implements Callable<Integer> {
    @Mixin
    ApiOptions api;

    @Spec
    CommandSpec spec;

    @Option(names = "--status", description = "Only tenants in this status (e.g. ACTIVE, FAILED)")
    String status;

    @Option(names = "--tag", description = "Only tenants carrying this tag")
    String tag;

    @Option(names = "--limit", defaultValue = "50", description = "Tenants per page (1-200, default ${DEFAULT-VALUE})")
    int limit;

    @Option(names = "--cursor", description = "Continue from a previous page's cursor")
    String cursor;

    @Option(names = "--all", description = "Fetch every page")
    boolean all;

    @Override
    public Integer call() throws Exception {
        ApiClient client = api.client();
        ArrayNode items = ApiClient.JSON.createArrayNode();
        String next = cursor;
        do {
            Map<String, String> query = new LinkedHashMap<>();
            query.put("status", status);
            query.put("tag", tag);
            query.put("limit", String.valueOf(limit));
            query.put("cursor", next);
            JsonNode page = client.get("/api/v1/tenants", query);
            items.addAll((ArrayNode) page.get("items"));
            next = Json.text(page, "nextCursor");
        } while (all && next != null);
        if (api.json()) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("items", items);
            out.put("nextCursor", next);
            Json.print(spec.commandLine().getOut(), ApiClient.JSON.valueToTree(out));
            return 0;
        }
        Table table = new Table("ID", "NAME", "STATUS", "REGION", "RELEASE", "PREVIOUS", "TAGS", "INTERVIEW");
        for (JsonNode t : items) {
            table.row(Json.text(t, "id"), Json.text(t, "displayName"), Json.text(t, "status"), Json.text(t, "region"),
                    Json.text(t, "currentRelease"), Json.text(t, "previousRelease"), TenantPrinter.tags(t), Json.text(t.get("endpoints"), "interview"));
        }
        table.print(spec.commandLine().getOut());
        if (next != null) {
            spec.commandLine().getOut().println("More: --cursor " + next);
            spec.commandLine().getOut().flush();
        }
        return 0;
    }
}

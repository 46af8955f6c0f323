package io.undersign.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "ops", description = "List and follow long-running operations.", subcommands = {OpsCommand.ListOps.class, OpsCommand.Watch.class})
class OpsCommand {

    @Command(name = "list", description = "List operations, newest first, by tenant, kind or status.")
    static class ListOps implements Callable<Integer> {
        @Mixin
        ApiOptions api;

        @Spec
        CommandSpec spec;

        @Option(names = "--tenant", description = "Only this tenant's operations")
        String tenant;

        @Option(names = "--kind", description = "onboard, suspend, resume or offboard")
        String kind;

        @Option(names = "--status", description = "pending, running, succeeded or failed")
        String status;

        @Option(names = "--limit", defaultValue = "50", description = "At most this many (1-200, default ${DEFAULT-VALUE})")
        int limit;

        @Option(names = "--cursor", description = "Continue from a previous page's cursor (older operations)")
        String cursor;

        @Override
        public Integer call() throws Exception {
            java.util.Map<String, String> query = new java.util.LinkedHashMap<>();
            query.put("tenant", tenant);
            query.put("kind", kind);
            query.put("status", status);
            query.put("limit", String.valueOf(limit));
            query.put("cursor", cursor);
            JsonNode page = api.client().get("/api/v1/operations", query);
            if (api.json()) {
                Json.print(spec.commandLine().getOut(), page);
                return 0;
            }
            Table table = new Table("ID", "TENANT", "KIND", "STATUS", "BY", "CREATED", "ERROR");
            for (JsonNode o : page.get("items")) {
                table.row(Json.text(o, "id"), Json.text(o, "tenantId"), Json.text(o, "kind"), Json.text(o, "status"),
                        Json.text(o, "requestedBy"), Json.text(o, "createdAt"), Json.text(o, "error"));
            }
            table.print(spec.commandLine().getOut());
            Json.printNextCursor(spec.commandLine().getOut(), page);
            return 0;
        }
    }

    @Command(name = "watch", description = "Show an operation's steps live until it finishes; exit 1 if it failed.")
    static class Watch implements Callable<Integer> {
        @Mixin
        ApiOptions api;

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", description = "Operation id")
        String operationId;

        @Override
        public Integer call() throws Exception {
            JsonNode op = ProgressWatcher.watch(api.client(), operationId, spec.commandLine().getOut(), api.json());
            if (api.json()) {
                Json.print(spec.commandLine().getOut(), op);
            }
            return 0;
        }
    }
}

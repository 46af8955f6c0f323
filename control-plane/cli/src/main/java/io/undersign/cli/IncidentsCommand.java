package io.undersign.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Incidents the platform raised or monitoring sent: list, show with timeline and deliveries, ack, resolve, raise. */
@Command(name = "incidents", description = "Incidents: list, show (timeline, calls and texts), ack, resolve, raise.",
        subcommands = {IncidentsCommand.ListIncidents.class, IncidentsCommand.Show.class, IncidentsCommand.Ack.class, IncidentsCommand.Resolve.class,
                IncidentsCommand.Raise.class})
class IncidentsCommand {

    static void printOne(ApiCommand c, JsonNode i) {
        c.out().println("Incident " + Json.text(i, "id") + " " + Json.text(i, "priority") + " " + Json.text(i, "status") + " ("
                + Json.text(i, "routing").toLowerCase() + "), key " + Json.text(i, "key") + ", " + i.path("occurrences").asInt() + " occurrence(s)");
        c.out().println(Json.text(i, "summary"));
        c.out().println("Acknowledge: reply ACK " + Json.text(i, "ackCode") + " or undersign incidents ack " + Json.text(i, "id"));
        if (i.path("timeline").isArray()) {
            Table timeline = new Table("AT", "EVENT", "DETAIL");
            i.path("timeline").forEach(e -> timeline.row(Json.text(e, "at"), Json.text(e, "kind"), Json.text(e, "detail")));
            c.out().println();
            timeline.print(c.out());
        }
        if (i.path("deliveries").isArray() && !i.path("deliveries").isEmpty()) {
            Table deliveries = new Table("DELIVERY", "CHANNEL", "LINE", "MEMBER", "TO", "STATUS", "AT");
            i.path("deliveries").forEach(d -> deliveries.row(Json.text(d, "id"), Json.text(d, "channel"), Json.text(d, "role"),
                    Json.text(d, "member"), Json.text(d, "address"), Json.text(d, "status"), Json.text(d, "createdAt")));
            c.out().println();
            deliveries.print(c.out());
        }
    }

    @Command(name = "list", description = "Incidents, newest first (open ones unless --status).")
    static class ListIncidents extends ApiCommand {
        @Option(names = "--status", defaultValue = "open", description = "open, acknowledged, resolved or all (default ${DEFAULT-VALUE})")
        String status;

        @Override
        public Integer call() throws Exception {
            return print(api.client().get("/api/v1/incidents", Map.of("status", status)), page -> {
                Table t = new Table("ID", "PRIORITY", "STATUS", "ROUTING", "COUNT", "OPENED", "KEY", "SUMMARY");
                page.path("items").forEach(i -> t.row(Json.text(i, "id"), Json.text(i, "priority"), Json.text(i, "status"), Json.text(i, "routing"),
                        i.path("occurrences").asInt(), Json.text(i, "openedAt"), Json.text(i, "key"), Json.text(i, "summary")));
                t.print(out());
            });
        }
    }

    @Command(name = "show", description = "An incident with its timeline and every call and text sent for it.")
    static class Show extends ApiCommand {
        @Parameters(index = "0", description = "Incident id")
        String id;

        @Override
        public Integer call() throws Exception {
            return print(api.client().get("/api/v1/incidents/" + ApiClient.segment(id), Map.of()), i -> printOne(this, i));
        }
    }

    @Command(name = "ack", description = "Acknowledge: the escalation stops.")
    static class Ack extends ApiCommand {
        @Parameters(index = "0", description = "Incident id")
        String id;

        @Override
        public Integer call() throws Exception {
            return print(api.client().post("/api/v1/incidents/" + ApiClient.segment(id) + "/ack", null, null), i -> printOne(this, i));
        }
    }

    @Command(name = "resolve", description = "Resolve; the key may be raised again as a new incident.")
    static class Resolve extends ApiCommand {
        @Parameters(index = "0", description = "Incident id")
        String id;

        @Option(names = "--note", description = "What was done")
        String note;

        @Override
        public Integer call() throws Exception {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("note", note);
            return print(api.client().post("/api/v1/incidents/" + ApiClient.segment(id) + "/resolve", body, null), i -> printOne(this, i));
        }
    }

    @Command(name = "raise", description = "Raise an incident by hand (a repeat of an open key counts on it).")
    static class Raise extends ApiCommand {
        @Option(names = "--priority", required = true, description = "P1 (call) or P2 (text)")
        String priority;

        @Option(names = "--key", required = true, description = "Deduplication key, e.g. edge-down")
        String key;

        @Option(names = "--summary", required = true, description = "What is wrong, in a line")
        String summary;

        @Override
        public Integer call() throws Exception {
            return print(api.client().post("/api/v1/incidents", Map.of("priority", priority, "key", key, "summary", summary), null), i -> printOne(this, i));
        }
    }
}

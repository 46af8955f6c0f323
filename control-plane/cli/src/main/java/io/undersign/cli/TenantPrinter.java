package io.undersign.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;

/** Human rendering of a tenant and its latest operation. */
final class TenantPrinter {
    private TenantPrinter() {
    }

    private static String join(JsonNode array) {
        java.util.List<String> items = new java.util.ArrayList<>();
        array.forEach(n -> items.add(n.asText()));
        return String.join(", ", items);
    }

    /** "eu, pilot", or "none". */
    static String tags(JsonNode tenant) {
        JsonNode tags = tenant.get("tags");
        return tags == null || tags.isEmpty() ? "none" : join(tags);
    }

    /** "running (pid 123, port 456, since …)" or "down (next restart …)". */
    private static String runtimeLine(JsonNode runtime) {
        if ("running".equals(Json.text(runtime, "state"))) {
            return "running (pid " + Json.text(runtime, "pid") + ", port " + Json.text(runtime, "port") + ", since "
                    + Json.text(runtime, "startedAt") + ")";
        }
        String next = Json.text(runtime, "nextRestartAt");
        return Json.text(runtime, "state") + (next == null ? "" : " (next restart " + next + ")");
    }

    private static String lastExit(JsonNode exit) {
        return exit == null || exit.isNull() ? "none" : Json.text(exit, "at") + " " + Json.text(exit, "reason");
    }

    static void print(PrintWriter out, JsonNode t) {
        JsonNode runtime = t.get("runtime");
        Table fields = new Table("FIELD", "VALUE")
                .row("id", Json.text(t, "id"))
                .row("name", Json.text(t, "displayName"))
                .row("status", Json.text(t, "status"))
                .row("region", Json.text(t, "region"))
                .row("tier", Json.text(t, "tier"))
                .row("tags", tags(t))
                .row("tls policy", Json.text(t, "tlsPolicy"))
                .row("tls protocols", join(t.at("/tls/protocols")))
                .row("cipher suites", join(t.at("/tls/cipherSuites")))
                .row("interview", Json.text(t.get("endpoints"), "interview"))
                .row("api", Json.text(t.get("endpoints"), "api"))
                .row("release", Json.text(t, "currentRelease"))
                .row("previous release", Json.text(t, "previousRelease"))
                .row("created", Json.text(t, "createdAt"));
        if (runtime != null && !runtime.isNull()) {
            fields.row("runtime", runtimeLine(runtime))
                    .row("restarts", runtime.get("restarts").asInt())
                    .row("last exit", lastExit(runtime.get("lastExit")));
        }
        fields.print(out);
        JsonNode queues = t.get("evidenceQueues");
        if (queues != null && !queues.isNull()) {
            out.println();
            Table evidence = new Table("EVIDENCE QUEUE", "WAITING", "OLDEST (S)");
            for (String q : new String[] {"requests", "results", "deadLetters"}) {
                JsonNode queue = queues.get(q);
                evidence.row(Json.text(queue, "name"), queue.get("depth").asLong(), Json.text(queue, "oldestAgeSeconds"));
            }
            evidence.print(out);
        }
        JsonNode op = t.get("latestOperation");
        if (op != null && !op.isNull()) {
            out.println();
            out.println("Latest operation " + Json.text(op, "id") + ": " + Json.text(op, "kind") + " " + Json.text(op, "status")
                    + (op.hasNonNull("error") ? " - " + Json.text(op, "error") : ""));
            Table steps = new Table("STEP", "STATUS", "ATTEMPTS", "MS", "ERROR");
            for (JsonNode s : op.get("steps")) {
                steps.row(Json.text(s, "name"), Json.text(s, "status"), s.get("attempts").asInt(), Json.text(s, "durationMs"),
                        Json.text(s, "error"));
            }
            steps.print(out);
        }
        out.flush();
    }
}

package io.undersign.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Rollouts of a release to tenants in waves: start, follow, pause, resume, abort, and a wave's rollback. */
@Command(name = "rollouts", description = "Move tenants to a release in waves, each gated; follow, pause, resume, abort or roll back a wave.",
        subcommands = {RolloutsCommand.Start.class, RolloutsCommand.ListRollouts.class, RolloutsCommand.Show.class, RolloutsCommand.Pause.class,
                RolloutsCommand.Resume.class, RolloutsCommand.Abort.class, RolloutsCommand.Rollback.class})
class RolloutsCommand {
    private static final List<String> FINISHED = List.of("SUCCEEDED", "HALTED", "ABORTED");

    abstract static class RolloutCommand extends ApiCommand {
        void print(JsonNode r) {
            out().println("Rollout " + Json.text(r, "id") + " of release " + Json.text(r, "release") + ": " + Json.text(r, "status")
                    + (r.hasNonNull("reason") ? " (" + Json.text(r, "reason") + ")" : ""));
            Table table = new Table("TENANT", "WAVE", "STATUS", "ERROR");
            for (JsonNode t : r.path("progress")) {
                table.row(Json.text(t, "tenant"), t.path("wave").asInt(), Json.text(t, "status"), Json.text(t, "error"));
            }
            table.print(out());
        }

        /** Follows the rollout until it ends, a line per tenant whose state changed; exit 1 unless it SUCCEEDED. */
        int watch(String id) throws Exception {
            Map<String, String> seen = new HashMap<>();
            while (true) {
                JsonNode r = api.client().get("/api/v1/rollouts/" + ApiClient.segment(id), Map.of());
                for (JsonNode t : r.path("progress")) {
                    String state = Json.text(t, "status");
                    if (!state.equals(seen.put(Json.text(t, "tenant"), state))) {
                        out().println(String.format("wave %-3d %-32s %s%s", t.path("wave").asInt(), Json.text(t, "tenant"), state,
                                t.hasNonNull("error") ? ": " + Json.text(t, "error") : ""));
                        out().flush();
                    }
                }
                String status = Json.text(r, "status");
                if (FINISHED.contains(status)) {
                    out().println("Rollout " + status.toLowerCase() + (r.hasNonNull("reason") ? ": " + Json.text(r, "reason") : ""));
                    out().flush();
                    if (!status.equals("SUCCEEDED")) {
                        throw new CliException("rollout " + id + " " + status.toLowerCase() + ": " + Json.text(r, "reason"), Undersign.OPERATION_FAILED);
                    }
                    return 0;
                }
                Thread.sleep(500);
            }
        }

        int control(String id, String action, String reason) throws Exception {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("reason", reason);
            JsonNode r = api.client().post("/api/v1/rollouts/" + ApiClient.segment(id) + "/" + action, body, null);
            if (api.json()) {
                Json.print(out(), r);
            } else {
                print(r);
            }
            return 0;
        }
    }

    @Command(name = "start", description = "Start a rollout of RELEASE.")
    static class Start extends RolloutCommand {
        @Parameters(index = "0", description = "Release id")
        String release;

        @Option(names = "--tenants", required = true, description = "all, tag:T (the ACTIVE tenants carrying tag T), or tenant ids: a,b,c")
        String tenants;

        @Option(names = "--waves", defaultValue = "1,25%,100%", description = "Tenants reached after each wave (default ${DEFAULT-VALUE})")
        String waves;

        @Option(names = "--max-failures", defaultValue = "0", description = "Tenants that may fail before it halts (default ${DEFAULT-VALUE})")
        int maxFailures;

        @Option(names = "--parallel", defaultValue = "1", description = "Tenants of a wave moved at once (default ${DEFAULT-VALUE})")
        int parallel;

        @Option(names = "--watch", description = "Follow it until it ends")
        boolean watch;

        @Override
        public Integer call() throws Exception {
            JsonNode r = api.client().post("/api/v1/rollouts", Map.of("release", release, "tenants", tenants, "waves", waves,
                    "maxFailures", maxFailures, "parallel", parallel), null);
            if (api.json() && !watch) {
                Json.print(out(), r);
                return 0;
            }
            print(r);
            return watch ? watch(Json.text(r, "id")) : 0;
        }
    }

    @Command(name = "list", description = "The latest rollouts.")
    static class ListRollouts extends RolloutCommand {
        @Override
        public Integer call() throws Exception {
            JsonNode list = api.client().get("/api/v1/rollouts", Map.of());
            if (api.json()) {
                Json.print(out(), list);
                return 0;
            }
            Table table = new Table("ID", "RELEASE", "STATUS", "TENANTS", "WAVES", "CREATED");
            for (JsonNode r : list) {
                table.row(Json.text(r, "id"), Json.text(r, "release"), Json.text(r, "status"), Json.text(r, "tenants"), Json.text(r, "waves"),
                        Json.text(r, "createdAt"));
            }
            table.print(out());
            return 0;
        }
    }

    @Command(name = "show", description = "A rollout and where each of its tenants stands.")
    static class Show extends RolloutCommand {
        @Parameters(index = "0", description = "Rollout id")
        String id;

        @Option(names = "--watch", description = "Follow it until it ends")
        boolean watch;

        @Override
        public Integer call() throws Exception {
            if (watch) {
                return watch(id);
            }
            JsonNode r = api.client().get("/api/v1/rollouts/" + ApiClient.segment(id), Map.of());
            if (api.json()) {
                Json.print(out(), r);
            } else {
                print(r);
            }
            return 0;
        }
    }

    @Command(name = "pause", description = "Start no further tenant (those moving finish).")
    static class Pause extends RolloutCommand {
        @Parameters(index = "0", description = "Rollout id")
        String id;

        @Option(names = "--reason", required = true, description = "Why, for the record")
        String reason;

        @Override
        public Integer call() throws Exception {
            return control(id, "pause", reason);
        }
    }

    @Command(name = "resume", description = "Go on with a paused rollout.")
    static class Resume extends RolloutCommand {
        @Parameters(index = "0", description = "Rollout id")
        String id;

        @Option(names = "--reason", required = true, description = "Why, for the record")
        String reason;

        @Override
        public Integer call() throws Exception {
            return control(id, "resume", reason);
        }
    }

    @Command(name = "abort", description = "End the rollout: no further tenant starts.")
    static class Abort extends RolloutCommand {
        @Parameters(index = "0", description = "Rollout id")
        String id;

        @Option(names = "--reason", required = true, description = "Why, for the record")
        String reason;

        @Override
        public Integer call() throws Exception {
            return control(id, "abort", reason);
        }
    }

    @Command(name = "rollback", description = "Take the tenants a wave moved back to their previous release.")
    static class Rollback extends RolloutCommand {
        @Parameters(index = "0", description = "Rollout id")
        String id;

        @Option(names = "--wave", required = true, description = "Wave number, as shown (1 is the first)")
        int wave;

        @Option(names = "--reason", required = true, description = "Why, for the record")
        String reason;

        @Override
        public Integer call() throws Exception {
            JsonNode r = api.client().post("/api/v1/rollouts/" + ApiClient.segment(id) + "/rollback", Map.of("wave", wave, "reason", reason), null);
            if (api.json()) {
                Json.print(out(), r);
            } else {
                print(r);
            }
            return 0;
        }
    }
}

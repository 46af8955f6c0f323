package io.undersign.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Rulebook versions the control plane keeps for releases (the offline author's tools are {@code rulebook}). */
@Command(name = "rulebooks", description = "Upload, list, show and compare the rulebook versions the control plane keeps.",
        subcommands = {RulebooksCommand.Upload.class, RulebooksCommand.ListRulebooks.class, RulebooksCommand.Show.class,
                RulebooksCommand.Diff.class})
class RulebooksCommand {

    abstract static class RulebooksSubcommand implements Callable<Integer> {
        @Mixin
        ApiOptions api;

        @Spec
        CommandSpec spec;

        void show(JsonNode r) {
            var out = spec.commandLine().getOut();
            out.println("Rulebook " + Json.text(r, "id") + " " + Json.text(r, "version") + ": " + Json.text(r, "title"));
            out.println("  products  " + String.join(", ", Json.texts(r.path("products"))));
            out.println("  sha256    " + Json.text(r, "sha256"));
            out.println("  uploaded  " + Json.text(r, "uploadedAt") + " by " + Json.text(r, "uploadedBy"));
            JsonNode p = r.path("profiles");
            if (!p.isMissingNode() && !p.isNull()) {
                out.println("  profiles  " + p.path("passed").asInt() + " of " + p.path("count").asInt() + " get their expected decision");
                for (JsonNode failed : p.path("failed")) {
                    out.println("    failing: " + failed.asText());
                }
            }
            out.flush();
        }
    }

    @Command(name = "upload", description = "Upload a rulebook version (validated by the engine; every problem is listed with its path).")
    static class Upload extends RulebooksSubcommand {
        @Parameters(index = "0", description = "The rulebook's YAML file")
        Path file;

        @Option(names = "--profiles", description = "Its case file: profiles with expected decisions, tried now and by a rollout's gate")
        Path profiles;

        @Override
        public Integer call() throws Exception {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("source", read(file));
            body.put("profiles", profiles == null ? null : read(profiles));
            JsonNode uploaded = api.client().post("/api/v1/rulebooks", body, null);
            if (api.json()) {
                Json.print(spec.commandLine().getOut(), uploaded);
            } else {
                show(uploaded);
            }
            return 0;
        }

        private static String read(Path path) throws java.io.IOException {
            if (!Files.isRegularFile(path)) {
                throw new CliException(path + " is not a file", Undersign.USAGE);
            }
            return Files.readString(path);
        }
    }

    @Command(name = "list", description = "List the rulebook versions kept, newest first.")
    static class ListRulebooks extends RulebooksSubcommand {
        @Override
        public Integer call() throws Exception {
            JsonNode list = api.client().get("/api/v1/rulebooks", Map.of());
            if (api.json()) {
                Json.print(spec.commandLine().getOut(), list);
                return 0;
            }
            Table table = new Table("ID", "VERSION", "TITLE", "UPLOADED", "BY");
            for (JsonNode r : list) {
                table.row(Json.text(r, "id"), Json.text(r, "version"), Json.text(r, "title"), Json.text(r, "uploadedAt"), Json.text(r, "uploadedBy"));
            }
            table.print(spec.commandLine().getOut());
            return 0;
        }
    }

    @Command(name = "show", description = "Show a rulebook version and how its profiles fare.")
    static class Show extends RulebooksSubcommand {
        @Parameters(index = "0", description = "Rulebook id")
        String id;

        @Parameters(index = "1", description = "Version")
        String version;

        @Override
        public Integer call() throws Exception {
            JsonNode r = api.client().get("/api/v1/rulebooks/" + ApiClient.segment(id) + "/" + ApiClient.segment(version), Map.of());
            if (api.json()) {
                Json.print(spec.commandLine().getOut(), r);
            } else {
                show(r);
            }
            return 0;
        }
    }

    @Command(name = "diff", description = "What changed from version A to version B, in words.")
    static class Diff extends RulebooksSubcommand {
        @Parameters(index = "0", description = "Rulebook id")
        String id;

        @Parameters(index = "1", description = "Version A (from)")
        String from;

        @Parameters(index = "2", description = "Version B (to)")
        String to;

        @Override
        public Integer call() throws Exception {
            JsonNode diff = api.client().get("/api/v1/rulebooks/" + ApiClient.segment(id) + "/diff", Map.of("from", from, "to", to));
            if (api.json()) {
                Json.print(spec.commandLine().getOut(), diff);
                return 0;
            }
            var out = spec.commandLine().getOut();
            JsonNode changes = diff.path("changes");
            out.println(id + " " + from + " → " + to + ": " + (changes.isEmpty() ? "no changes" : changes.size() + " change(s)"));
            for (JsonNode c : changes) {
                out.println("  " + c.path("words").asText());
            }
            out.flush();
            return 0;
        }
    }
}

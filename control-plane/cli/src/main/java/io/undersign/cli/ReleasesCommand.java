package io.undersign.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Releases: a runtime build, the tenant schema version and a rulebook version, pinned together. */
@Command(name = "releases", description = "Create, list and show releases (runtime build + tenant schema + rulebook version).",
        subcommands = {ReleasesCommand.Create.class, ReleasesCommand.ListReleases.class, ReleasesCommand.Show.class, ReleasesCommand.Default.class})
class ReleasesCommand {

    abstract static class ReleaseCommand extends ApiCommand {

        void show(JsonNode r) {
            var out = spec.commandLine().getOut();
            out.println("Release " + Json.text(r, "id") + (r.path("immutable").asBoolean() ? " (has run: immutable)" : "")
                    + (r.path("defaultForNewTenants").asBoolean() ? " (default for new tenants)" : ""));
            out.println("  runtime   " + Json.text(r, "runtimeVersion") + "  build " + Json.text(r, "buildId"));
            out.println("  sha256    " + Json.text(r, "runtimeSha256"));
            out.println("  schema    " + Json.text(r, "schemaVersion"));
            out.println("  rulebook  " + Json.text(r, "rulebookId") + " " + Json.text(r, "rulebookVersion"));
            out.println("  created   " + Json.text(r, "createdAt") + " by " + Json.text(r, "createdBy"));
            if (r.hasNonNull("tenants")) {
                out.println("  tenants   " + (r.get("tenants").isEmpty() ? "none" : ""));
                for (JsonNode t : r.get("tenants")) {
                    out.println("    " + Json.text(t, "id") + " (" + Json.text(t, "as") + ", " + Json.text(t, "status") + ")");
                }
            }
            out.flush();
        }
    }

    @Command(name = "create", description = "Create a release (or change one no tenant has run): imports the runtime jar on this machine first.")
    static class Create extends ReleaseCommand {
        @Parameters(index = "0", description = "Release id, e.g. 2026.12.1")
        String id;

        @Option(names = "--runtime-jar", required = true, description = "The tenant-runtime build (tenant-runtime/app/target/tenant-runtime.jar)")
        Path jar;

        @Option(names = "--schema", required = true, description = "Tenant schema version it needs, e.g. 5")
        String schema;

        @Option(names = "--rulebook", required = true, description = "Rulebook id and version as ID=VERSION, e.g. term-life-uk=2026.12.1")
        String rulebook;

        @Option(names = "--image", description = "On AWS: the AMI that carries this build")
        String image;

        @Option(names = "--notes", description = "What the release changes, in a line")
        String notes;

        @Option(names = "--import-dir", description = "The control plane's import directory (default: $UNDERSIGN_HOME/releases/import)")
        Path importDir;

        @Override
        public Integer call() throws Exception {
            int eq = rulebook.indexOf('=');
            if (eq <= 0 || eq == rulebook.length() - 1) {
                throw new CliException("--rulebook must be ID=VERSION, e.g. term-life-uk=2026.12.1", Undersign.USAGE);
            }
            if (!Files.isRegularFile(jar)) {
                throw new CliException("--runtime-jar " + jar + " is not a file", Undersign.USAGE);
            }
            String sha = sha256(jar);
            Map<String, String> artifact = Map.of("sha256", sha);
            if (api.client().status("/api/v1/releases/artifacts", artifact) == 404) {
                // the control plane takes builds from its import directory only: put this one there, under its hash
                Path importDir = this.importDir != null ? this.importDir : CliConfig.home().resolve("releases").resolve("import");
                Files.createDirectories(importDir);
                Path staged = Files.createTempFile(importDir, sha, ".part");
                Files.copy(jar, staged, StandardCopyOption.REPLACE_EXISTING);
                Files.move(staged, importDir.resolve(sha + ".jar"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                api.client().post("/api/v1/releases/artifacts", artifact, null);
            }
            Map<String, Object> runtime = new LinkedHashMap<>();
            runtime.put("sha256", sha);
            runtime.put("image", image);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("runtime", runtime);
            body.put("schemaVersion", schema);
            body.put("rulebook", Map.of("id", rulebook.substring(0, eq), "version", rulebook.substring(eq + 1)));
            body.put("notes", notes);
            JsonNode release = api.client().put("/api/v1/releases/" + ApiClient.segment(id), body);
            if (api.json()) {
                Json.print(spec.commandLine().getOut(), release);
            } else {
                show(release);
            }
            return 0;
        }

        private static String sha256(Path file) throws IOException {
            try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
                return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Command(name = "list", description = "List releases, newest first.")
    static class ListReleases extends ReleaseCommand {
        @Override
        public Integer call() throws Exception {
            JsonNode list = api.client().get("/api/v1/releases", Map.of());
            if (api.json()) {
                Json.print(spec.commandLine().getOut(), list);
                return 0;
            }
            Table table = new Table("ID", "RUNTIME", "SCHEMA", "RULEBOOK", "CREATED", "RUN", "DEFAULT");
            for (JsonNode r : list) {
                table.row(Json.text(r, "id"), Json.text(r, "runtimeVersion"), Json.text(r, "schemaVersion"),
                        Json.text(r, "rulebookId") + " " + Json.text(r, "rulebookVersion"), Json.text(r, "createdAt"),
                        r.hasNonNull("firstRunAt") ? "yes" : "no", r.path("defaultForNewTenants").asBoolean() ? "yes" : "");
            }
            table.print(spec.commandLine().getOut());
            return 0;
        }
    }

    @Command(name = "show", description = "Show a release and the tenants that run it (or would go back to it).")
    static class Show extends ReleaseCommand {
        @Parameters(index = "0", description = "Release id")
        String id;

        @Override
        public Integer call() throws Exception {
            JsonNode release = api.client().get("/api/v1/releases/" + ApiClient.segment(id), Map.of());
            if (api.json()) {
                Json.print(spec.commandLine().getOut(), release);
            } else {
                show(release);
            }
            return 0;
        }
    }

    @Command(name = "default", description = "Make a release the one new tenants onboard onto (--clear: stop that).")
    static class Default extends ReleaseCommand {
        @Parameters(index = "0", description = "Release id")
        String id;

        @Option(names = "--clear", description = "New tenants no longer onboard onto it")
        boolean clear;

        @Override
        public Integer call() throws Exception {
            String path = "/api/v1/releases/" + ApiClient.segment(id) + "/default";
            JsonNode r = clear ? api.client().delete(path) : api.client().put(path, Map.of());
            return print(r, this::show);
        }
    }
}

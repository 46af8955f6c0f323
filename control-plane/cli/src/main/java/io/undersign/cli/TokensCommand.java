package io.undersign.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The admin API's bearer tokens: issue one for a person or a system, list them, revoke one (admins only). */
@Command(name = "tokens", description = "Issue, list and revoke the admin API's tokens (admin role).",
        subcommands = {TokensCommand.Issue.class, TokensCommand.ListTokens.class, TokensCommand.Revoke.class})
class TokensCommand {

    abstract static class TokenCommand implements Callable<Integer> {
        @Mixin
        ApiOptions api;

        @Spec
        CommandSpec spec;

        void print(Iterable<JsonNode> tokens) {
            Table table = new Table("ID", "NAME", "ROLE", "CREATED", "REVOKED");
            for (JsonNode t : tokens) {
                table.row(Json.text(t, "id"), Json.text(t, "name"), Json.text(t, "role"), Json.text(t, "createdAt"), Json.text(t, "revokedAt"));
            }
            table.print(spec.commandLine().getOut());
        }
    }

    @Command(name = "issue", description = "Issue a token; it is printed once and never shown again.")
    static class Issue extends TokenCommand {
        @Option(names = "--name", required = true, description = "Who or what it is for, e.g. ci-pipeline")
        String name;

        @Option(names = "--role", required = true, description = "viewer, operator or admin")
        String role;

        @Override
        public Integer call() throws Exception {
            JsonNode issued = api.client().post("/api/v1/tokens", Map.of("name", name, "role", role), null);
            if (api.json()) {
                Json.print(spec.commandLine().getOut(), issued);
                return 0;
            }
            spec.commandLine().getOut().println("Issued " + Json.text(issued, "role") + " token " + Json.text(issued, "id") + " for " + name
                    + " (shown once, store it now):");
            spec.commandLine().getOut().println(Json.text(issued, "token"));
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    @Command(name = "list", description = "List tokens: id, name, role, when made and revoked (never the tokens).")
    static class ListTokens extends TokenCommand {
        @Override
        public Integer call() throws Exception {
            JsonNode list = api.client().get("/api/v1/tokens", Map.of());
            if (api.json()) {
                Json.print(spec.commandLine().getOut(), list);
                return 0;
            }
            print(list);
            return 0;
        }
    }

    @Command(name = "revoke", description = "Revoke a token: refused from the next request on.")
    static class Revoke extends TokenCommand {
        @Parameters(index = "0", description = "Token id (from tokens list)")
        String id;

        @Override
        public Integer call() throws Exception {
            JsonNode revoked = api.client().post("/api/v1/tokens/" + ApiClient.segment(id) + "/revoke", null, null);
            if (api.json()) {
                Json.print(spec.commandLine().getOut(), revoked);
                return 0;
            }
            print(java.util.List.of(revoked));
            return 0;
        }
    }
}

package io.undersign.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "ops", description = "Follow long-running operations.", subcommands = OpsCommand.Watch.class)
class OpsCommand {

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

package io.undersign.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A command that calls the admin API once and prints the answer: as JSON with -o json, else as {@code human}. */
abstract class ApiCommand implements Callable<Integer> {
    @Mixin
    ApiOptions api;

    @Spec
    CommandSpec spec;

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    int print(JsonNode answer, Consumer<JsonNode> human) {
        if (api.json()) {
            Json.print(out(), answer);
        } else {
            human.accept(answer);
            out().flush();
        }
        return 0;
    }

    static String file(java.nio.file.Path path) {
        try {
            return java.nio.file.Files.readString(path);
        } catch (java.io.IOException e) {
            throw new CliException("cannot read " + path + ": " + e.getMessage(), Undersign.USAGE);
        }
    }
}

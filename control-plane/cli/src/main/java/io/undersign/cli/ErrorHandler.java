package io.undersign.cli;

import picocli.CommandLine;

/** Every failure ends as one line on stderr and an exit code (see {@link Undersign}). */
class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        int code;
        String message;
        Integer status = null;
        if (e instanceof ApiException api) {
            message = api.getMessage();
            status = api.status();
            code = api.status() >= 400 && api.status() < 500 ? Undersign.REFUSED : Undersign.UNAVAILABLE;
        } else if (e instanceof ApiClient.Unreachable unreachable) {
            message = unreachable.getMessage();
            code = Undersign.UNAVAILABLE;
        } else if (e instanceof CliException c) {
            message = c.getMessage();
            code = c.exitCode();
        } else {
            message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            code = Undersign.UNAVAILABLE;
        }
        print(cli, parsed, message, status, code);
        return code;
    }

    /** One line on stderr: plain text, or a JSON object when the command was asked for {@code -o json}. */
    static void print(CommandLine cli, CommandLine.ParseResult parsed, String message, Integer status, int code) {
        if (wantsJson(parsed)) {
            com.fasterxml.jackson.databind.node.ObjectNode error = ApiClient.JSON.createObjectNode().put("error", message).put("exitCode", code);
            if (status != null) {
                error.put("status", status);
            }
            cli.getErr().println(error.toString());
        } else {
            cli.getErr().println("error: " + message);
        }
        cli.getErr().flush();
    }

    private static boolean wantsJson(CommandLine.ParseResult parsed) {
        for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("-o") && ApiOptions.Format.json.equals(p.matchedOptionValue("-o", ApiOptions.Format.table))) {
                return true;
            }
        }
        return false;
    }
}

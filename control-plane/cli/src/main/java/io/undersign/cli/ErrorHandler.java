package io.undersign.cli;

import picocli.CommandLine;

/** Every failure ends as one line on stderr and an exit code (see {@link Undersign}). */
class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        if (e instanceof ApiException api) {
            cli.getErr().println("error: " + api.getMessage());
            return api.status() >= 400 && api.status() < 500 ? Undersign.REFUSED : Undersign.UNAVAILABLE;
        }
        if (e instanceof java.io.IOException) {
            cli.getErr().println("error: cannot reach the Undersign API: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            return Undersign.UNAVAILABLE;
        }
        if (e instanceof CliException c) {
            cli.getErr().println("error: " + c.getMessage());
            return c.exitCode();
        }
        cli.getErr().println("error: " + e);
        return Undersign.UNAVAILABLE;
    }
}

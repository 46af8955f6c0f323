package io.undersign.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The operator's command line: a client of the control plane's admin API. */
// the help and version options on every subcommand too (undersign rulebook test --help)
@Command(name = "undersign", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT, version = "undersign 0.1.0",
        description = "Operate the Undersign platform: onboard and manage tenants, watch operations, read the audit trail.",
        subcommands = {TenantsCommand.class, CasesCommand.class, OpsCommand.class, AuditCommand.class, TokensCommand.class, RulebookCommand.class,
                RulebooksCommand.class, ReleasesCommand.class, RolloutsCommand.class, OncallCommand.class, IncidentsCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:success",
                "1:the operation ran and FAILED; or (rulebook) invalid rulebook, rejected answers, failing cases",
                "2:invalid command line",
                "3:the API refused the request (4xx)",
                "4:the API could not be reached or failed (5xx)"})
public class Undersign {
    public static final int OPERATION_FAILED = 1;
    public static final int USAGE = 2;
    public static final int REFUSED = 3;
    public static final int UNAVAILABLE = 4;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line (error handling included), for main and for tests. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Undersign());
        cli.setExecutionExceptionHandler(new ErrorHandler());
        cli.setParameterExceptionHandler((e, a) -> {
            String message = e.getMessage();
            if (e instanceof CommandLine.UnmatchedArgumentException unmatched && !unmatched.getSuggestions().isEmpty()) {
                // "tenant lst" -> did you mean: tenants list?
                message += " (did you mean: " + String.join(", ", unmatched.getSuggestions()) + "?)";
            }
            e.getCommandLine().getErr().println("error: " + message + " — see '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'");
            return USAGE;
        });
        return cli;
    }
}

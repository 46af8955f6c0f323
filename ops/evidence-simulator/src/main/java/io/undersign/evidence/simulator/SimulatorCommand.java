package io.undersign.evidence.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code evidence-simulator}: a stand-in lab / medical-records provider for one tenant. */
@Command(name = "evidence-simulator", mixinStandardHelpOptions = true,
        description = "Answers a tenant's evidence requests the way a provider would (docs/evidence-contract.md).")
public class SimulatorCommand implements Callable<Integer> {

    @Option(names = "--credentials", required = true, paramLabel = "FILE",
            description = "JSON from POST /api/v1/tenants/{id}/evidence-provider/credentials (tenantId, brokerUrl, username, password).")
    File credentials;

    @Option(names = "--delay", defaultValue = "PT0.5S", description = "Time to answer (ISO-8601, e.g. PT2S). Default: ${DEFAULT-VALUE}.")
    Duration delay;

    @Option(names = "--behaviour", defaultValue = "NORMAL",
            description = "One of ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
    Behaviour behaviour;

    @Option(names = "--late-by", defaultValue = "PT30S", description = "Extra time with --behaviour LATE. Default: ${DEFAULT-VALUE}.")
    Duration lateBy;

    @Override
    public Integer call() throws Exception {
        JsonNode issued = new ObjectMapper().readTree(credentials);
        for (String field : new String[] {"tenantId", "brokerUrl", "username", "password"}) {
            if (!issued.path(field).isTextual()) {
                throw new CommandLine.ParameterException(new CommandLine(this), credentials + ": '" + field + "' is missing");
            }
        }
        var settings = new EvidenceSimulator.Settings(issued.get("brokerUrl").asText(), issued.get("username").asText(),
                issued.get("password").asText(), issued.get("tenantId").asText(), delay, behaviour, lateBy);
        CountDownLatch stopped = new CountDownLatch(1);
        try (EvidenceSimulator simulator = new EvidenceSimulator(settings).start()) {
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
            stopped.await();
        }
        return 0;
    }

    public static void main(String[] args) {
        CommandLine command = new CommandLine(new SimulatorCommand()).setCaseInsensitiveEnumValuesAllowed(true);
        command.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("evidence-simulator: " + e.getMessage());
            return 1;
        });
        System.exit(command.execute(args));
    }
}

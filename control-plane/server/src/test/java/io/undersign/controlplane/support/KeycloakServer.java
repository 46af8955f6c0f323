package io.undersign.controlplane.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The same identity provider the local platform runs (Keycloak from Maven Central, through
 * ops/bin/keycloak), on port 18180 with its data under target/: started once for the tests that
 * sign underwriters in, reused when one already answers there (.ci/run starts it while Maven builds); stopped at the end.
 */
public class KeycloakServer implements QuarkusTestResourceLifecycleManager {
    public static final int PORT = 18180;
    public static final String URL = "http://127.0.0.1:" + PORT;
    static final Path HOME = Path.of("target/keycloak-home").toAbsolutePath();
    private static final Path SCRIPT = Path.of("../../ops/bin/keycloak").toAbsolutePath().normalize();

    @Override
    public Map<String, String> start() {
        run("start", 420);
        try {
            String password = Files.readString(HOME.resolve("keycloak-admin-password")).strip();
            return Map.of("undersign.identity.keycloak-url", URL, "undersign.identity.keycloak-admin-password", password);
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak's admin password is not in " + HOME, e);
        }
    }

    @Override
    public void stop() {
        run("stop", 60);
    }

    private static void run(String verb, int timeoutSeconds) {
        try {
            ProcessBuilder builder = new ProcessBuilder(SCRIPT.toString(), verb).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(Path.of("target/keycloak-script.log").toFile()));
            builder.environment().put("UNDERSIGN_HOME", HOME.toString());
            builder.environment().put("UNDERSIGN_KEYCLOAK_PORT", String.valueOf(PORT));
            Process process = builder.start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("ops/bin/keycloak " + verb + " failed; see target/keycloak-script.log and "
                        + HOME.resolve("logs/keycloak.log"));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + SCRIPT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

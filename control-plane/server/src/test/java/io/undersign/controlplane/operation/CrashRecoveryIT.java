package io.undersign.controlplane.operation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.undersign.controlplane.db.MysqlServerResolver;
import io.undersign.controlplane.support.ControlPlaneProcess;
import io.undersign.controlplane.tenant.TenantNames;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Kills the packaged control plane with SIGKILL in the middle of every onboarding step (after the
 * step's work, before its success is recorded), starts it again each time, and checks that
 * onboarding completes with exactly one of everything: database, user, broker user, runtime.
 * Then kills the control plane and the runtime together and checks the restart revives the runtime.
 */
class CrashRecoveryIT {
    private static final int API_PORT = 18180;
    private static final int EDGE_PORT = 18188;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final String server = new MysqlServerResolver(Path.of("target/embedded-mariadb")).resolve();
    private final String database = "undersign_crash_" + UUID.randomUUID().toString().substring(0, 8);
    private final Path home = Path.of("target/crash-home-" + UUID.randomUUID().toString().substring(0, 8)).toAbsolutePath();
    private final String tenant = "crash-" + UUID.randomUUID().toString().substring(0, 6);
    private ControlPlaneProcess controlPlane;

    @Test
    void onboardingSurvivesSigkillInEveryStepWithNoDuplicates() throws Exception {
        start();
        JsonNode accepted = post("/api/v1/tenants", "{\"id\":\"" + tenant + "\",\"displayName\":\"Crash Life\"}");
        String operation = accepted.at("/operation/id").asText();
        List<String> steps = List.of("provision-stack", "migrate-schema", "register-dns", "register-identity", "deploy-runtime", "verify");

        for (String step : steps) {
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100))
                    .until(() -> "RUNNING".equals(stepStatus(operation, step)));
            Thread.sleep(step.equals("deploy-runtime") ? 2500 : 1200); // inside the pause after the work
            assertThat(stepStatus(operation, step)).as("killed while %s is unrecorded", step).isEqualTo("RUNNING");
            controlPlane.kill();
            start();
        }

        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250))
                .until(() -> get("/api/v1/operations/" + operation).get("status").asText().equals("SUCCEEDED"));
        JsonNode op = get("/api/v1/operations/" + operation);
        for (JsonNode s : op.get("steps")) {
            assertThat(s.get("status").asText()).isEqualTo("SUCCEEDED");
            assertThat(s.get("attempts").asInt()).as("%s re-run once after the kill", s.get("name").asText()).isEqualTo(2);
        }
        assertThat(get("/api/v1/tenants/" + tenant).get("status").asText()).isEqualTo("ACTIVE");

        assertThat(runtimeProcesses()).as("exactly one runtime for the tenant").hasSize(1);
        try (Connection c = DriverManager.getConnection(server + "/", "root", "")) {
            assertThat(count(c, "SELECT COUNT(*) FROM mysql.user WHERE User = '" + TenantNames.databaseUser(tenant) + "'")).isEqualTo(1);
            assertThat(count(c, "SELECT COUNT(*) FROM information_schema.schemata WHERE schema_name = '" + TenantNames.database(tenant) + "'")).isEqualTo(1);
            assertThat(count(c, "SELECT COUNT(*) FROM `" + database + "`.broker_user WHERE tenant_id = '" + tenant + "'")).isEqualTo(1);
            assertThat(names(c, "SELECT name FROM `" + database + "`.secret WHERE name LIKE 'tenant/" + tenant + "/%'"))
                    .containsExactlyInAnyOrder("tenant/" + tenant + "/db-password", "tenant/" + tenant + "/db-migration-password",
                            "tenant/" + tenant + "/broker-password",
                            "tenant/" + tenant + "/client-ca/key", "tenant/" + tenant + "/client-ca/certificate",
                            "tenant/" + tenant + "/edge-certificate/key", "tenant/" + tenant + "/edge-certificate/certificate",
                            // the tenant's root key, made once by the first migration that needs it
                            "tenant/" + tenant + "/root-key");
            assertThat(count(c, "SELECT COUNT(*) FROM `" + database + "`.host_route WHERE tenant_id = '" + tenant + "'")).isEqualTo(2);
            assertThat(count(c, "SELECT COUNT(*) FROM `" + TenantNames.database(tenant) + "`.flyway_schema_history WHERE success = 1"))
                    .isEqualTo(io.undersign.controlplane.support.TenantSchema.migrations().size());
        }
        // the interview is served over https only: a real client, trusting the platform's CA
        Path ca = home.resolve("edge-ca.pem");
        Files.writeString(ca, controlPlane.getText("/api/v1/edge/ca"));
        Process curl = new ProcessBuilder("curl", "-s", "--cacert", ca.toString(), "https://uw." + tenant + ".localhost:18189/")
                .redirectErrorStream(true).start();
        String page = new String(curl.getInputStream().readAllBytes());
        curl.waitFor();
        assertThat(page).contains("Crash Life");

        // both die; the restarted control plane brings the ACTIVE tenant's runtime back by itself
        controlPlane.kill();
        for (ProcessHandle runtime : runtimeProcesses()) {
            runtime.destroyForcibly();
            runtime.onExit().get();
        }
        start();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .until(() -> edgeStatus() == 200);
        assertThat(runtimeProcesses()).hasSize(1);
    }

    private int edgeStatus() throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + EDGE_PORT + "/q/health/ready"))
                .header("Host", "uw." + tenant + ".localhost").build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (controlPlane != null) {
            controlPlane.kill();
        }
        runtimeProcesses().forEach(ProcessHandle::destroyForcibly);
        try (Connection c = DriverManager.getConnection(server + "/", "root", "")) {
            c.createStatement().execute("DROP DATABASE IF EXISTS `" + database + "`");
            c.createStatement().execute("DROP DATABASE IF EXISTS `" + TenantNames.database(tenant) + "`");
            c.createStatement().execute("DROP USER IF EXISTS '" + TenantNames.databaseUser(tenant) + "'@'127.0.0.1'");
            c.createStatement().execute("DROP USER IF EXISTS '" + TenantNames.migrationUser(tenant) + "'@'127.0.0.1'");
        }
    }

    private void start() throws IOException {
        if (controlPlane == null) {
            controlPlane = new ControlPlaneProcess(server, database, home, new ControlPlaneProcess.Ports(API_PORT, EDGE_PORT, 18189, 18190, 16261),
                    "failover:(tcp://127.0.0.1:16261)?maxReconnectAttempts=-1&initialReconnectDelay=100", "control-plane",
                    "undersign.operations.pause-after-step-work=3s", "undersign.operations.heartbeat=500ms");
        }
        controlPlane.start();
    }

    private List<ProcessHandle> runtimeProcesses() {
        return ControlPlaneProcess.runtimesOf(tenant);
    }

    private String stepStatus(String operation, String step) throws Exception {
        for (JsonNode s : get("/api/v1/operations/" + operation).get("steps")) {
            if (s.get("name").asText().equals(step)) {
                return s.get("status").asText();
            }
        }
        throw new AssertionError("no step " + step);
    }

    private JsonNode get(String path) throws Exception {
        return controlPlane.get(path);
    }

    private JsonNode post(String path, String body) throws Exception {
        return controlPlane.post(path, body);
    }

    private static List<String> names(Connection c, String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (ResultSet r = c.createStatement().executeQuery(sql)) {
            while (r.next()) {
                out.add(r.getString(1));
            }
        }
        return out;
    }

    private static long count(Connection c, String sql) throws Exception {
        try (ResultSet r = c.createStatement().executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}

package io.undersign.controlplane.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.undersign.controlplane.db.MysqlServerResolver;
import io.undersign.controlplane.support.ControlPlaneProcess;
import io.undersign.controlplane.support.TenantSchema;
import io.undersign.controlplane.tenant.TenantNames;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of the control plane in the middle of a rollout, while a tenant is being moved: the
 * restarted control plane goes on from where it was, every tenant reaches the release by exactly
 * one upgrade, and each has one runtime.
 */
class RolloutCrashIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final String server = new MysqlServerResolver(Path.of("target/embedded-mariadb")).resolve();
    private final String database = "undersign_rocrash_" + UUID.randomUUID().toString().substring(0, 8);
    private final Path home = Path.of("target/rollout-crash-" + UUID.randomUUID().toString().substring(0, 8)).toAbsolutePath();
    private final List<String> tenants = List.of("rc-a-" + UUID.randomUUID().toString().substring(0, 5),
            "rc-b-" + UUID.randomUUID().toString().substring(0, 5), "rc-c-" + UUID.randomUUID().toString().substring(0, 5));
    private ControlPlaneProcess controlPlane;

    @Test
    void aRolloutKilledMidwayGoesOnAndMovesEveryTenantOnce() throws Exception {
        controlPlane = new ControlPlaneProcess(server, database, home, new ControlPlaneProcess.Ports(18580, 18588, 18589, 18590, 16561),
                "failover:(tcp://127.0.0.1:16561)?maxReconnectAttempts=-1&initialReconnectDelay=100", "control-plane",
                "undersign.operations.heartbeat=500ms");
        controlPlane.start();
        for (String t : tenants) {
            controlPlane.post("/api/v1/tenants", "{\"id\":\"" + t + "\",\"displayName\":\"Crash " + t + "\"}");
        }
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500)).until(() -> tenants.stream()
                .allMatch(t -> status(t).equals("ACTIVE")));

        // the build goes in by its hash, through the import directory
        Path jar = Path.of("../../tenant-runtime/app/target/tenant-runtime.jar");
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(jar)));
        Files.createDirectories(home.resolve("releases/import"));
        Files.copy(jar, home.resolve("releases/import/" + sha + ".jar"));
        controlPlane.post("/api/v1/releases/artifacts", "{\"sha256\":\"" + sha + "\"}");
        String rulebook = new String(RolloutCrashIT.class.getClassLoader().getResourceAsStream("rulebooks/term-life-uk.yaml").readAllBytes(),
                StandardCharsets.UTF_8);
        controlPlane.post("/api/v1/rulebooks", JSON.writeValueAsString(Map.of("source", rulebook,
                "profiles", io.undersign.controlplane.support.Releases.PROFILES)));
        controlPlane.put("/api/v1/releases/crash-1", JSON.writeValueAsString(Map.of("runtime", Map.of("sha256", sha),
                "schemaVersion", TenantSchema.latestVersion(), "rulebook", Map.of("id", "term-life-uk", "version", "2026.12.1"))));
        String rollout = controlPlane.post("/api/v1/rollouts", JSON.writeValueAsString(Map.of("release", "crash-1",
                "tenants", String.join(",", tenants), "waves", "1,100%", "parallel", 1))).get("id").asText();

        // killed while the second tenant is being moved
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100)).until(() -> {
            JsonNode r = controlPlane.get("/api/v1/rollouts/" + rollout);
            return r.at("/progress/1/status").asText().equals("RUNNING");
        });
        Thread.sleep(1500);
        controlPlane.kill();
        controlPlane.start();

        await().atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofMillis(500))
                .until(() -> controlPlane.get("/api/v1/rollouts/" + rollout).get("status").asText().matches("SUCCEEDED|HALTED|ABORTED"));
        JsonNode done = controlPlane.get("/api/v1/rollouts/" + rollout);
        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("SUCCEEDED");
        try (Connection c = DriverManager.getConnection(server + "/", "root", "")) {
            for (String t : tenants) {
                assertThat(controlPlane.get("/api/v1/tenants/" + t).get("currentRelease").asText()).isEqualTo("crash-1");
                assertThat(count(c, "SELECT COUNT(*) FROM `" + database + "`.operation WHERE tenant_id = '" + t + "' AND kind = 'UPGRADE'"))
                        .as("%s moved by exactly one upgrade", t).isEqualTo(1);
                assertThat(ControlPlaneProcess.runtimesOf(t)).as("%s has one runtime", t).hasSize(1);
            }
        }
    }

    private String status(String tenant) {
        try {
            return controlPlane.get("/api/v1/tenants/" + tenant).get("status").asText();
        } catch (Exception e) {
            return "unknown";
        }
    }

    private static int count(Connection c, String sql) throws Exception {
        try (ResultSet r = c.createStatement().executeQuery(sql)) {
            r.next();
            return r.getInt(1);
        }
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (controlPlane != null) {
            controlPlane.kill();
        }
        tenants.forEach(t -> ControlPlaneProcess.runtimesOf(t).forEach(ProcessHandle::destroyForcibly));
        try (Connection c = DriverManager.getConnection(server + "/", "root", "")) {
            c.createStatement().execute("DROP DATABASE IF EXISTS `" + database + "`");
            for (String t : tenants) {
                c.createStatement().execute("DROP DATABASE IF EXISTS `" + TenantNames.database(t) + "`");
                c.createStatement().execute("DROP USER IF EXISTS '" + TenantNames.databaseUser(t) + "'@'127.0.0.1'");
                c.createStatement().execute("DROP USER IF EXISTS '" + TenantNames.migrationUser(t) + "'@'127.0.0.1'");
            }
        }
    }
}

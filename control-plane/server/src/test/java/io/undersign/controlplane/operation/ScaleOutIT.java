package io.undersign.controlplane.operation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.undersign.controlplane.db.MysqlServerResolver;
import io.undersign.controlplane.support.ControlPlaneProcess;
import io.undersign.controlplane.tenant.TenantNames;
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
 * Two control-plane replicas on one database share the work (db-scheduler claims each step
 * with row locks): 20 tenants are onboarded with every step run exactly once, by one replica or
 * the other, and both do some; then one replica is killed mid-way through more onboardings and
 * the other finishes them, with exactly one of everything per tenant.
 */
class ScaleOutIT {
    private static final int FIRST_WAVE = 20;
    private static final int SECOND_WAVE = 3;
    /**
     * Sixteen runtimes starting at once on two cores take 90-100 s each (one alone: 5 s), past the
     * 90 s a deploy waits by default; this test is about who does the work, not how fast, so a
     * deploy that is merely slow must not count as a failed attempt.
     */
    private static final String START_TIMEOUT = "undersign.runtime.start-timeout=300s";
    private static final List<String> STEPS = List.of("provision-stack", "migrate-schema", "register-dns", "register-identity", "deploy-runtime", "verify");

    private final String server = new MysqlServerResolver(Path.of("target/embedded-mariadb")).resolve();
    private final String database = "undersign_scale_" + UUID.randomUUID().toString().substring(0, 8);
    private final Path home = Path.of("target/scale-home-" + UUID.randomUUID().toString().substring(0, 8)).toAbsolutePath();
    private final String run = UUID.randomUUID().toString().substring(0, 4);
    private final List<String> tenants = new ArrayList<>();
    // every runtime finds whichever replica's broker is up
    private final String brokers = "failover:(tcp://127.0.0.1:18381,tcp://127.0.0.1:18481)?maxReconnectAttempts=-1&initialReconnectDelay=100";
    private final ControlPlaneProcess a = new ControlPlaneProcess(server, database, home, ControlPlaneProcess.Ports.from(18300), brokers,
            "replica-a", "undersign.broker.data-dir=" + home.resolve("broker-a"), START_TIMEOUT);
    private final ControlPlaneProcess b = new ControlPlaneProcess(server, database, home, ControlPlaneProcess.Ports.from(18400), brokers,
            "replica-b", "undersign.broker.data-dir=" + home.resolve("broker-b"), START_TIMEOUT);

    @Test
    void tworeplicasShareTheWorkAndOneFinishesWhatTheOtherLeft() throws Exception {
        a.start(); // first: it makes the schema and the master key
        b.start();

        List<String> first = onboard(FIRST_WAVE, 0);
        awaitSucceeded(first, Duration.ofSeconds(480));
        for (String operation : first) {
            for (JsonNode step : a.get("/api/v1/operations/" + operation).get("steps")) {
                assertThat(step.get("status").asText()).isEqualTo("SUCCEEDED");
                assertThat(step.get("attempts").asInt()).as("%s of %s ran exactly once", step.get("name").asText(), operation).isEqualTo(1);
            }
        }
        long byA = succeededSteps(a.log());
        long byB = succeededSteps(b.log());
        assertThat(byA + byB).as("each step ran once, on one replica").isEqualTo((long) FIRST_WAVE * STEPS.size());
        assertThat(byA).as("replica A did some of the work").isPositive();
        assertThat(byB).as("replica B did some of the work").isPositive();

        // more onboardings; replica A dies while they are under way
        List<String> second = onboard(SECOND_WAVE, FIRST_WAVE);
        // liveness, not speed: with the first wave's 20 runtimes busy on 2 cores, A's first step of the second wave may take minutes
        await().atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofMillis(100))
                .until(() -> runningSteps(second) > 0 && succeededSteps(a.log()) > byA);
        a.kill();
        awaitSucceeded(second, Duration.ofSeconds(360));
        for (String operation : second) {
            for (JsonNode step : b.get("/api/v1/operations/" + operation).get("steps")) {
                assertThat(step.get("status").asText()).isEqualTo("SUCCEEDED");
                assertThat(step.get("attempts").asInt()).as("a step A was running when it died is run again, once").isBetween(1, 2);
            }
        }

        try (Connection c = DriverManager.getConnection(server + "/", "root", "")) {
            for (String tenant : tenants) {
                assertThat(b.get("/api/v1/tenants/" + tenant).get("status").asText()).isEqualTo("ACTIVE");
                assertThat(ControlPlaneProcess.runtimesOf(tenant)).as("one runtime of " + tenant).hasSize(1);
                assertThat(count(c, "SELECT COUNT(*) FROM mysql.user WHERE User = '" + TenantNames.databaseUser(tenant) + "'")).isEqualTo(1);
                assertThat(count(c, "SELECT COUNT(*) FROM `" + database + "`.broker_user WHERE tenant_id = '" + tenant + "'")).isEqualTo(1);
                assertThat(count(c, "SELECT COUNT(*) FROM `" + database + "`.host_route WHERE tenant_id = '" + tenant + "'")).isEqualTo(2);
            }
        }
    }

    private List<String> onboard(int count, int offset) throws Exception {
        List<String> operations = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String tenant = "scale-" + run + "-" + (offset + i);
            tenants.add(tenant);
            ControlPlaneProcess via = i % 2 == 0 ? a : b;
            operations.add(via.post("/api/v1/tenants", "{\"id\":\"" + tenant + "\",\"displayName\":\"Scale " + i + "\"}")
                    .at("/operation/id").asText());
        }
        return operations;
    }

    private void awaitSucceeded(List<String> operations, Duration within) {
        await().atMost(within).pollInterval(Duration.ofSeconds(1)).ignoreExceptions().until(() -> {
            for (String operation : operations) {
                String status = b.get("/api/v1/operations/" + operation).get("status").asText();
                assertThat(status).as(operation).isNotEqualTo("FAILED");
                if (!status.equals("SUCCEEDED")) {
                    return false;
                }
            }
            return true;
        });
    }

    private long runningSteps(List<String> operations) throws Exception {
        long running = 0;
        for (String operation : operations) {
            for (JsonNode step : b.get("/api/v1/operations/" + operation).get("steps")) {
                running += step.get("status").asText().equals("RUNNING") ? 1 : 0;
            }
        }
        return running;
    }

    private static long succeededSteps(Path log) throws Exception {
        try (var lines = Files.lines(log)) {
            return lines.filter(l -> l.contains(", step ") && l.contains(" succeeded in ")).count();
        }
    }

    @AfterEach
    void cleanUp() throws Exception {
        a.kill();
        b.kill();
        try (Connection c = DriverManager.getConnection(server + "/", "root", "")) {
            c.createStatement().execute("DROP DATABASE IF EXISTS `" + database + "`");
            for (String tenant : tenants) {
                ControlPlaneProcess.runtimesOf(tenant).forEach(ProcessHandle::destroyForcibly);
                c.createStatement().execute("DROP DATABASE IF EXISTS `" + TenantNames.database(tenant) + "`");
                c.createStatement().execute("DROP USER IF EXISTS '" + TenantNames.databaseUser(tenant) + "'@'127.0.0.1'");
                c.createStatement().execute("DROP USER IF EXISTS '" + TenantNames.migrationUser(tenant) + "'@'127.0.0.1'");
            }
        }
    }

    private static long count(Connection c, String sql) throws Exception {
        try (ResultSet r = c.createStatement().executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}

package io.undersign.controlplane.release;

import static io.undersign.controlplane.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.undersign.controlplane.security.Role;
import io.undersign.controlplane.support.Api;
import io.undersign.controlplane.support.Edge;
import io.undersign.controlplane.support.MtlsClient;
import io.undersign.controlplane.support.Releases;
import io.undersign.controlplane.support.TestDatabase;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * One tenant moved between releases against real runtimes: no request fails while the new runtime
 * takes over; a release whose rulebook no longer decides its profiles as they expect, or whose
 * runtime will not start, leaves the tenant on the release it had, serving; a rollback goes back.
 */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class UpgradeTest {

    @Test
    void aTenantMovesWithNoFailedRequestAndARefusedReleaseLeavesItWhereItWas() throws Exception {
        String id = Api.uniqueId("upg");
        Api.onboard(id);
        String sha = Releases.importedBuild();
        String good = Releases.release("u", sha, Releases.version(Releases.uniqueVersion()));
        MtlsClient integrator = MtlsClient.of(id, id);

        // applicants and the integrator keep calling while the runtime is replaced
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger requests = new AtomicInteger();
        List<String> failures = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        Thread load = new Thread(() -> {
            while (running.get()) {
                try {
                    int status = Edge.get("uw." + id + ".localhost", "/").statusCode();
                    requests.incrementAndGet();
                    if (status != 200) {
                        failures.add("interview " + status);
                    }
                } catch (Exception e) {
                    failures.add("interview " + e);
                }
            }
        });
        // a case made before the upgrade, by the rulebook the tenant had, waits for its blood profile
        String before = io.undersign.controlplane.support.Evidence.createPending(integrator, "UPG-BEFORE-" + id).get("id").asText();

        // and evidence keeps arriving, each result twice, while the runtimes change hands
        List<String> pending = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        Thread cases = new Thread(() -> {
            int n = 0;
            while (running.get()) {
                try {
                    pending.add(io.undersign.controlplane.support.Evidence.createPending(integrator, "UPG-" + id + "-" + n++).get("id").asText());
                    Thread.sleep(300);
                } catch (Exception e) {
                    failures.add("case " + e);
                }
            }
        });
        try (var provider = io.undersign.controlplane.support.Evidence.simulator(id, io.undersign.evidence.simulator.Behaviour.DUPLICATE,
                java.time.Duration.ofSeconds(1))) {
            load.start();
            cases.start();
            JsonPath upgraded = upgrade(id, good);
            running.set(false);
            load.join();
            cases.join();
            assertThat(upgraded.getString("status")).as(upgraded.getString("error")).isEqualTo("SUCCEEDED");
            // every result applied once, none lost: the first decision and one after the blood profile
            assertThat(pending).hasSizeGreaterThan(5);
            io.undersign.controlplane.support.Evidence.decidedExactly(integrator, pending, 2, java.time.Duration.ofSeconds(4));
            io.undersign.controlplane.support.Evidence.decidedExactly(integrator, List.of(before), 2, java.time.Duration.ofSeconds(1));
        }
        assertThat(decisionVersions(id, before)).as("re-decided by its own rulebook version, whichever runtime took the result")
                .containsOnly("2026.12.1");
        JsonPath upgraded = Api.awaitOperation(Api.tenant(id).getString("latestOperation.id"));

        assertThat(upgraded.getString("status")).as(upgraded.getString("error")).isEqualTo("SUCCEEDED");
        assertThat(upgraded.getList("steps.name")).containsExactly("expand-schema", "start-candidate", "switch-traffic", "gate", "retire-previous");
        assertThat(failures).as("of " + requests.get() + " requests").isEmpty();
        assertThat(requests.get()).isGreaterThan(10);
        assertThat(Api.tenant(id).getString("currentRelease")).isEqualTo(good);
        assertThat(integrator.get("/api/v1/service").body()).contains("\"release\":\"" + good + "\"");
        assertThat(as(Role.VIEWER).get("/api/v1/releases/" + good).then().extract().jsonPath().getBoolean("immutable")).isTrue();
        assertThat(runtimesOf(id)).as("the replaced runtime is stopped").isEqualTo(1);

        // a rulebook that no longer decides its own profiles as they expect: the gate sends the tenant back
        String drifted = Releases.release("u", sha, Releases.drifted(Releases.version(Releases.uniqueVersion())));
        JsonPath refused = upgrade(id, drifted);
        assertThat(refused.getString("status")).isEqualTo("FAILED");
        assertThat(refused.getString("error")).contains("gate").contains("heavy smoker").contains("switched back");
        JsonPath tenant = Api.tenant(id);
        assertThat(tenant.getString("status")).isEqualTo("ACTIVE");
        assertThat(tenant.getString("currentRelease")).isEqualTo(good);
        assertThat(integrator.get("/api/v1/service").body()).contains("\"release\":\"" + good + "\"");
        assertThat(runtimesOf(id)).isEqualTo(1);

        // a build that will not start never serves
        String broken = Releases.release("u", Releases.brokenBuild(), Releases.version(Releases.uniqueVersion()));
        JsonPath notStarted = upgrade(id, broken);
        assertThat(notStarted.getString("status")).isEqualTo("FAILED");
        assertThat(notStarted.getString("error")).contains("start-candidate").contains("keeps its runtime");
        assertThat(notStarted.getInt("steps[1].attempts")).as("refused, not retried").isEqualTo(1);
        assertThat(Api.tenant(id).getString("currentRelease")).isEqualTo(good);
        assertThat(Edge.get("uw." + id + ".localhost", "/").statusCode()).isEqualTo(200);

        // onwards, then back
        String next = Releases.release("u", sha, Releases.version(Releases.uniqueVersion()));
        assertThat(upgrade(id, next).getString("status")).isEqualTo("SUCCEEDED");
        assertThat(Api.tenant(id).getString("previousRelease")).isEqualTo(good);
        String op = as(Role.OPERATOR).post("/api/v1/tenants/" + id + "/rollback").then().statusCode(202).extract().path("operation.id");
        assertThat(Api.awaitOperation(op).getString("status")).isEqualTo("SUCCEEDED");
        tenant = Api.tenant(id);
        assertThat(tenant.getString("currentRelease")).isEqualTo(good);
        assertThat(tenant.getString("previousRelease")).isEqualTo(next);
        assertThat(integrator.get("/api/v1/service").body()).contains("\"release\":\"" + good + "\"");
        as(Role.OPERATOR).body(Map.of("release", good)).post("/api/v1/tenants/" + id + "/upgrade").then().statusCode(409);
        as(Role.OPERATOR).body(Map.of("release", "no-such-release")).post("/api/v1/tenants/" + id + "/upgrade").then().statusCode(404);
    }

    /** The rulebook versions of a case's decisions, oldest first, as the tenant's database keeps them. */
    private static List<String> decisionVersions(String tenant, String caseId) throws Exception {
        String server = new io.undersign.controlplane.db.MysqlServerResolver(java.nio.file.Path.of("target/embedded-mariadb")).resolve();
        List<String> versions = new java.util.ArrayList<>();
        try (var c = java.sql.DriverManager.getConnection(server + "/" + io.undersign.controlplane.tenant.TenantNames.database(tenant), "root", "");
                var s = c.prepareStatement("SELECT rulebook_version FROM case_decision WHERE case_id = ? ORDER BY id")) {
            s.setString(1, caseId);
            try (var r = s.executeQuery()) {
                while (r.next()) {
                    versions.add(r.getString(1));
                }
            }
        }
        return versions;
    }

    private static JsonPath upgrade(String tenant, String release) {
        String op = as(Role.OPERATOR).body(Map.of("release", release)).post("/api/v1/tenants/" + tenant + "/upgrade")
                .then().statusCode(202).extract().path("operation.id");
        return Api.awaitOperation(op);
    }

    /** Runtime processes of the tenant on this machine (by their command-line marker). */
    private static long runtimesOf(String tenant) {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().arguments().map(args -> List.of(args).contains("-Dundersign-tenant=" + tenant)).orElse(false))
                .count();
    }
}

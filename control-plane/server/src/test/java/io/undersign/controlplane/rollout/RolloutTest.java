package io.undersign.controlplane.rollout;

import static io.undersign.controlplane.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.undersign.controlplane.incident.Incidents;
import io.undersign.controlplane.security.Role;
import io.undersign.controlplane.support.Api;
import io.undersign.controlplane.support.Releases;
import io.undersign.controlplane.support.TestDatabase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Releases going to several tenants in waves against real runtimes: all of them, or a halt that leaves later waves alone. */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class RolloutTest {

    @Inject
    Incidents incidents;

    @Test
    void wavesReachEveryTenantAndAReleaseThatFailsItsFirstTenantHaltsWithTheOthersUntouched() throws Exception {
        List<String> tenants = List.of(Api.uniqueId("ro-a"), Api.uniqueId("ro-b"), Api.uniqueId("ro-c"), Api.uniqueId("ro-d"),
                Api.uniqueId("ro-e"));
        tenants.forEach(Api::onboard);
        String sha = Releases.importedBuild();
        String good = Releases.release("ro", sha, Releases.version(Releases.uniqueVersion()));

        JsonPath started = start(good, String.join(",", tenants), "1,50%,100%", 0, 2);
        assertThat(started.getList("progress.wave", Integer.class)).containsExactly(1, 2, 2, 3, 3);
        JsonPath done = awaitFinished(started.getString("id"));
        assertThat(done.getString("status")).as(done.getString("reason")).isEqualTo("SUCCEEDED");
        assertThat(done.getList("progress.status")).containsOnly("SUCCEEDED");
        for (String t : tenants) {
            assertThat(Api.tenant(t).getString("currentRelease")).isEqualTo(good);
        }
        as(Role.VIEWER).get("/api/v1/releases/" + good).then().body("tenants.size()", equalTo(5));

        // a second release for the two tagged 'pilot-…' (and only those), then its first wave taken back
        String pilot = Api.uniqueId("pilot");
        as(Role.OPERATOR).put("/api/v1/tenants/" + tenants.get(0) + "/tags/" + pilot).then().statusCode(200);
        as(Role.OPERATOR).put("/api/v1/tenants/" + tenants.get(1) + "/tags/" + pilot).then().statusCode(200);
        String next = Releases.release("ro", sha, Releases.version(Releases.uniqueVersion()));
        JsonPath tagged = start(next, "tag:" + pilot, "1", 0, 1);
        assertThat(tagged.getList("progress.tenant")).containsExactly(tenants.get(0), tenants.get(1));
        String second = tagged.getString("id");
        assertThat(awaitFinished(second).getString("status")).isEqualTo("SUCCEEDED");
        JsonPath rolledBack = as(Role.OPERATOR).body(Map.of("wave", 1, "reason", "claims spike")).post("/api/v1/rollouts/" + second + "/rollback")
                .then().statusCode(200).extract().jsonPath();
        assertThat(rolledBack.getList("progress.status")).containsExactly("ROLLED_BACK", "SUCCEEDED");
        assertThat(Api.awaitOperation(rolledBack.getString("progress[0].operationId")).getString("status")).isEqualTo("SUCCEEDED");
        assertThat(Api.tenant(tenants.get(0)).getString("currentRelease")).isEqualTo(good);
        assertThat(Api.tenant(tenants.get(1)).getString("currentRelease")).isEqualTo(next);
        as(Role.OPERATOR).body(Map.of("wave", 7)).post("/api/v1/rollouts/" + second + "/rollback").then().statusCode(400).body("field", equalTo("wave"));

        // its rulebook no longer decides its own profiles as they expect: the first tenant's gate fails, the rollout halts
        String drifted = Releases.release("ro", sha, Releases.drifted(Releases.version(Releases.uniqueVersion())));
        JsonPath halted = awaitFinished(start(drifted, String.join(",", tenants), "1,100%", 0, 1).getString("id"));
        assertThat(halted.getString("status")).isEqualTo("HALTED");
        assertThat(halted.getString("reason")).contains("1 tenant(s) failed, 0 allowed").contains(tenants.get(0)).contains("gate");
        assertThat(halted.getList("progress.status")).containsExactly("FAILED", "PENDING", "PENDING", "PENDING", "PENDING");
        assertThat(Api.tenant(tenants.get(0)).getString("currentRelease")).as("the failed tenant is back where it was").isEqualTo(good);
        assertThat(Api.tenant(tenants.get(1)).getString("currentRelease")).as("later waves untouched").isEqualTo(next);
        assertThat(Api.tenant(tenants.get(2)).getString("currentRelease")).as("later waves untouched").isEqualTo(good);
        assertThat(incidents.open()).anyMatch(i -> i.key.equals("rollout-halted:" + halted.getString("id")) && i.summary.contains(drifted));

        // a runtime that fails its health on the first tenant: halted, that tenant still on its release, the others untouched
        String broken = Releases.release("ro", Releases.brokenBuild(), Releases.version(Releases.uniqueVersion()));
        JsonPath unhealthy = awaitFinished(start(broken, tenants.get(2) + "," + tenants.get(3), "1,100%", 0, 1).getString("id"));
        assertThat(unhealthy.getString("status")).isEqualTo("HALTED");
        assertThat(unhealthy.getList("progress.status")).containsExactly("FAILED", "PENDING");
        assertThat(Api.tenant(tenants.get(2)).getString("currentRelease")).isEqualTo(good);
        assertThat(Api.tenant(tenants.get(3)).getString("currentRelease")).isEqualTo(good);
    }

    @Test
    void pauseResumeAndAbortAreIdempotentAndRefusedOnceFinished() throws Exception {
        String tenant = Api.uniqueId("ro-p");
        Api.onboard(tenant);
        String sha = Releases.importedBuild();
        String release = Releases.release("ro", sha, Releases.version(Releases.uniqueVersion()));
        String id = start(release, tenant, "1", 0, 1).getString("id");
        as(Role.OPERATOR).body(Map.of("reason", "change freeze")).post("/api/v1/rollouts/" + id + "/pause").then().statusCode(200);
        as(Role.OPERATOR).body(Map.of("reason", "change freeze")).post("/api/v1/rollouts/" + id + "/pause").then().statusCode(200)
                .body("status", equalTo("PAUSED")).body("reason", equalTo("pause: change freeze"));
        as(Role.OPERATOR).body(Map.of()).post("/api/v1/rollouts/" + id + "/abort").then().statusCode(200).body("status", equalTo("ABORTED"));
        as(Role.OPERATOR).body(Map.of()).post("/api/v1/rollouts/" + id + "/abort").then().statusCode(200);
        as(Role.OPERATOR).body(Map.of()).post("/api/v1/rollouts/" + id + "/resume").then().statusCode(409);
        as(Role.VIEWER).body(Map.of()).post("/api/v1/rollouts/" + id + "/pause").then().statusCode(403);
        assertThat(Api.tenant(tenant).getString("currentRelease")).isNull();
        // bad requests change nothing
        as(Role.OPERATOR).body(Map.of("release", release, "tenants", tenant, "waves", "0")).post("/api/v1/rollouts").then().statusCode(400)
                .body("field", equalTo("waves"));
        as(Role.OPERATOR).body(Map.of("release", release, "tenants", "nobody-here", "waves", "1")).post("/api/v1/rollouts").then().statusCode(404);
        as(Role.OPERATOR).body(Map.of("release", "no-such", "tenants", tenant, "waves", "1")).post("/api/v1/rollouts").then().statusCode(404);
        as(Role.OPERATOR).body(Map.of("release", release, "tenants", "tag:nobody-carries-this", "waves", "1")).post("/api/v1/rollouts")
                .then().statusCode(409).body("field", equalTo("tenants"));
        as(Role.OPERATOR).body(Map.of("release", release, "tenants", "tag:Bad Tag", "waves", "1")).post("/api/v1/rollouts")
                .then().statusCode(400).body("field", equalTo("tenants"));
    }

    private static JsonPath start(String release, String tenants, String waves, int maxFailures, int parallel) {
        return as(Role.OPERATOR).body(Map.of("release", release, "tenants", tenants, "waves", waves, "maxFailures", maxFailures,
                "parallel", parallel))
                .post("/api/v1/rollouts").then().statusCode(201).extract().jsonPath();
    }

    private static JsonPath awaitFinished(String id) {
        JsonPath[] last = new JsonPath[1];
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500)).until(() -> {
            last[0] = as(Role.VIEWER).get("/api/v1/rollouts/" + id).then().statusCode(200).extract().jsonPath();
            return List.of("SUCCEEDED", "HALTED", "ABORTED").contains(last[0].getString("status"));
        });
        return last[0];
    }
}

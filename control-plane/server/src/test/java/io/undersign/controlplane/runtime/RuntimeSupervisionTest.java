package io.undersign.controlplane.runtime;

import static io.undersign.controlplane.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.undersign.controlplane.security.Role;
import io.undersign.controlplane.support.Api;
import io.undersign.controlplane.support.Edge;
import io.undersign.controlplane.support.TestDatabase;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A runtime killed with SIGKILL comes back by itself; meanwhile the edge says so in words, never an empty 502. */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class RuntimeSupervisionTest {

    @Test
    void aKilledRuntimeIsRestartedAndTheEdgeAnswers503UntilItIsBack() throws Exception {
        String id = Api.uniqueId("kill");
        Api.onboard(id);
        String interview = "uw." + id + ".localhost";
        String api = "api.uw." + id + ".localhost";
        long pid = Api.tenant(id).getLong("runtime.pid");
        assertThat(Api.tenant(id).getString("runtime.state")).isEqualTo("running");

        ProcessHandle.of(pid).orElseThrow().destroyForcibly(); // SIGKILL
        List<Integer> seen = new ArrayList<>();
        HttpResponse<String> down = null;
        HttpResponse<String> apiDown = null;
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> page = Edge.get(interview, "/");
            seen.add(page.statusCode());
            if (page.statusCode() == 200) {
                break;
            }
            assertThat(page.statusCode()).as("while the runtime is down").isEqualTo(503);
            down = page;
            HttpResponse<String> health = Edge.get(api, "/q/health/ready");
            if (health.statusCode() == 503) {
                apiDown = health;
            }
            Thread.sleep(50);
        }
        assertThat(seen).as("back, after answering 503 while it was down").endsWith(200).contains(503);
        assertThat(down.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(down.headers().firstValue("Retry-After")).isPresent();
        assertThat(down.body()).contains("Tenant " + id).contains("Temporarily unavailable");
        if (apiDown != null) { // the api. host answers problem+json (the window may close before it is asked)
            assertThat(apiDown.headers().firstValue("Content-Type").orElse("")).isEqualTo("application/problem+json");
            assertThat(apiDown.body()).contains("\"status\":503");
        }

        // the edge serves the new runtime a moment before the supervisor records its restart
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .until(() -> Api.tenant(id).getInt("runtime.restarts") == 1);
        JsonPath shown = Api.tenant(id);
        assertThat(shown.getString("status")).isEqualTo("ACTIVE");
        assertThat(shown.getString("runtime.state")).isEqualTo("running");
        assertThat(shown.getLong("runtime.pid")).isNotEqualTo(pid);
        assertThat(shown.getInt("runtime.restarts")).isEqualTo(1);
        assertThat(shown.getInt("runtime.lastExit.exitCode")).isEqualTo(137);
        assertThat(shown.getString("runtime.lastExit.reason")).contains("SIGKILL");

        String metrics = io.restassured.RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("undersign_runtime_restarts_total{tenant=\"" + id + "\"} 1.0");
        assertThat(as(Role.OPERATOR).queryParam("tenant", id).get("/api/v1/audit").then().extract().jsonPath()
                .getList("items.action", String.class)).contains("runtime.exited", "runtime.restarted");
    }

    @Test
    void aSuspendedTenantsStoppedRuntimeStaysStopped() throws Exception {
        String id = Api.uniqueId("rest");
        Api.onboard(id);
        String suspend = as(Role.OPERATOR).post("/api/v1/tenants/" + id + "/suspend").then().statusCode(202).extract().path("operation.id");
        assertThat(Api.awaitOperation(suspend).getString("status")).isEqualTo("SUCCEEDED");
        Thread.sleep(3000); // three supervision rounds
        JsonPath shown = Api.tenant(id);
        assertThat(shown.getString("runtime.state")).isEqualTo("down");
        assertThat(shown.getInt("runtime.restarts")).isZero();
        assertThat(Edge.get("uw." + id + ".localhost", "/").statusCode()).isEqualTo(503);
    }
}

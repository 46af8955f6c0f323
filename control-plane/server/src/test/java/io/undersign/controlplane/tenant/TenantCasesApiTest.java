package io.undersign.controlplane.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.undersign.controlplane.support.Api;
import io.undersign.controlplane.support.Edge;
import io.undersign.controlplane.support.MtlsClient;
import io.undersign.controlplane.support.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * The integrator API of real tenant runtimes through the edge: straight-through decisions stored
 * in the tenant's own database, and one tenant's cases invisible to another.
 */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class TenantCasesApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ANSWERS = """
            {"date_of_birth": "1990-06-15", "sex": "female", "sum_assured": 250000, "term_years": 25,
             "occupation_class": "1", "height_cm": 168, "weight_kg": 64, "smoker": true, "cigarettes_per_day": 30,
             "alcohol_units_per_week": 8, "hazardous_pursuits": [], "travel_advisory": "none", "asthma": false,
             "diabetes": false, "hypertension": false, "heart_condition": "none", "cancer_history": false,
             "mental_health": "none", "family_history_under_60": 0,
             "under_investigation": false, "hospital_admissions_12m": 0, "self_harm": "none"}""";

    @Test
    void theApiIsNotServedOverPlainHttp() throws Exception {
        String a = Api.uniqueId("plain");
        Api.onboard(a);
        assertThat(Edge.get("api.uw." + a + ".localhost", "/api/v1/cases").statusCode()).isEqualTo(403);
        assertThat(Edge.get("api.uw." + a + ".localhost", "/q/health/ready").statusCode()).isEqualTo(200);
    }

    @Test
    void theInterviewHostDoesNotPassApiPaths() throws Exception {
        String a = Api.uniqueId("door");
        Api.onboard(a);
        String interview = "uw." + a + ".localhost";
        for (String path : new String[] {"/api/v1/cases", "/%61pi/v1/cases", "//api/v1/cases", "/API/v1/cases", "/api;x=1/v1/cases"}) {
            var refused = Edge.get(interview, path);
            assertThat(refused.statusCode()).as(path).isEqualTo(403);
            assertThat(refused.headers().firstValue("Content-Type")).as(path).hasValue("application/problem+json");
            assertThat(JSON.readTree(refused.body()).get("detail").asText()).contains("https://api." + interview + ":18444");
        }
        var created = Edge.send(interview, "POST", "/api/v1/cases", "{\"answers\": {}}");
        assertThat(created.statusCode()).as("nothing is created through the interview host").isEqualTo(403);
        assertThat(Edge.get(interview, "/").statusCode()).as("the interview itself still answers").isEqualTo(200);
        // the runtime's own endpoints are for load balancers (plain HTTP health checks), not the interview's visitors
        assertThat(Edge.get(interview, "/q/health/ready").statusCode()).isEqualTo(404);
        assertThat(Edge.get(interview, "/q/openapi").statusCode()).isEqualTo(404);
        assertThat(Edge.plainGet(interview, "/q/health/ready").statusCode()).isEqualTo(200);
    }

    @Test
    void malformedRequestsAreProblemsNamingTheField() throws Exception {
        String a = Api.uniqueId("shape");
        Api.onboard(a);
        MtlsClient api = MtlsClient.of(a, a);
        for (String body : new String[] {"[1,2]", "{\"answers\":", "{\"answers\": [1]}"}) {
            var refused = api.send("POST", "/api/v1/cases", body);
            assertThat(refused.status()).as(body).isEqualTo(400);
            assertThat(refused.contentType()).as(body).isEqualTo("application/problem+json");
            assertThat(JSON.readTree(refused.body()).get("field").asText()).as(body).isNotBlank();
        }
        var limit = api.get("/api/v1/cases?limit=abc");
        assertThat(limit.status()).isEqualTo(400);
        assertThat(JSON.readTree(limit.body()).get("field").asText()).isEqualTo("limit");
        for (int megabytes : new int[] {1, 20}) {
            java.nio.file.Path big = java.nio.file.Files.createTempFile("big", ".json");
            java.nio.file.Files.writeString(big, "{\"answers\": {\"x\": \"" + "y".repeat(megabytes * 1024 * 1024) + "\"}}");
            var tooLarge = api.sendFile("POST", "/api/v1/cases", big);
            java.nio.file.Files.delete(big);
            assertThat(tooLarge.status()).as(megabytes + " MB").isEqualTo(413);
            assertThat(tooLarge.contentType()).isEqualTo("application/problem+json");
        }
        // the runtime itself answers the same where no edge stands before it (on AWS, behind the NLB)
        int port = Api.tenant(a).getInt("runtime.port");
        var direct = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + port + "/api/v1/cases")).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"answers\": {\"x\": \"" + "y".repeat(300 * 1024) + "\"}}")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(direct.statusCode()).isEqualTo(413);
        assertThat(direct.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JSON.readTree(direct.body()).get("field").asText()).isEqualTo("body");
    }

    @Test
    void decidesStoresAndIsolatesCasesPerTenant() throws Exception {
        String a = Api.uniqueId("case-a");
        String b = Api.uniqueId("case-b");
        Api.onboard(a);
        Api.onboard(b);
        MtlsClient apiA = MtlsClient.of(a, a);
        MtlsClient apiB = MtlsClient.of(b, b);
        String body = "{\"reference\": \"POL-1\", \"applicationDate\": \"2026-12-01\", \"answers\": " + ANSWERS + "}";

        var created = apiA.send("POST", "/api/v1/cases", body, "Idempotency-Key", "k-1");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode c = JSON.readTree(created.body());
        String id = c.get("id").asText();
        assertThat(id).hasSize(22);
        assertThat(created.location()).isEqualTo("/api/v1/cases/" + id);
        assertThat(c.at("/decision/outcome").asText()).isEqualTo("RATED");
        assertThat(c.at("/decision/rating/table").asInt()).isEqualTo(3);
        assertThat(c.at("/decision/explanation/rulebookVersion").asText()).isEqualTo("2026.12.1");

        var replay = apiA.send("POST", "/api/v1/cases", body, "Idempotency-Key", "k-1");
        assertThat(JSON.readTree(replay.body()).get("id").asText()).isEqualTo(id);
        var conflict = apiA.send("POST", "/api/v1/cases", body.replace("POL-1", "POL-2"), "Idempotency-Key", "k-1");
        assertThat(conflict.status()).isEqualTo(422);

        var changed = apiA.send("PATCH", "/api/v1/cases/" + id + "/answers", "{\"answers\": {\"smoker\": false}}");
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(JSON.readTree(changed.body()).at("/decision/outcome").asText()).isEqualTo("STANDARD");
        assertThat(JSON.readTree(changed.body()).get("decisions").asInt()).isEqualTo(2);

        assertThat(apiA.get("/api/v1/cases/" + id).status()).isEqualTo(200);
        // an API case is the insurer's: the public interview host knows nothing of it, whoever holds the id
        for (String path : new String[] {"/interview/" + id + "/decision", "/interview/" + id, "/interview/" + id + "/review"}) {
            var leaked = Edge.get("uw." + a + ".localhost", path);
            assertThat(leaked.statusCode()).as(path).isEqualTo(404);
            assertThat(leaked.body()).doesNotContain("loading").doesNotContain("RATED");
        }
        assertThat(apiB.get("/api/v1/cases/" + id).status()).as("tenant B must not see A's case").isEqualTo(404);
        var patchFromB = apiB.send("PATCH", "/api/v1/cases/" + id + "/answers", "{\"answers\": {\"smoker\": true}}");
        assertThat(patchFromB.status()).as("tenant B must not change A's case").isEqualTo(404);
        assertThat(JSON.readTree(apiB.get("/api/v1/cases").body()).get("items")).isEmpty();
        assertThat(JSON.readTree(apiA.get("/api/v1/cases").body()).get("items")).hasSize(1);

        var openApi = apiA.get("/q/openapi");
        assertThat(openApi.status()).isEqualTo(200);
        assertThat(openApi.body()).contains("/api/v1/cases").contains("/api/v1/cases/{id}/answers").doesNotContain("/interview");

        var rejected = apiA.send("POST", "/api/v1/cases", "{\"answers\": {\"height_cm\": 999}}");
        assertThat(JSON.readTree(rejected.body()).get("type").asText()).endsWith("/answers-rejected");
        assertThat(rejected.status()).isEqualTo(422);
        JsonNode problem = JSON.readTree(rejected.body());
        assertThat(problem.get("errors").findValuesAsText("field")).contains("height_cm", "smoker");
    }
}

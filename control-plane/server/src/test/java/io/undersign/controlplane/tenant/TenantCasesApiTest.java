package io.undersign.controlplane.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.undersign.controlplane.support.Api;
import io.undersign.controlplane.support.Edge;
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
             "mental_health": "none", "family_history_under_60": 0}""";

    @Test
    void decidesStoresAndIsolatesCasesPerTenant() throws Exception {
        String a = Api.uniqueId("case-a");
        String b = Api.uniqueId("case-b");
        Api.onboard(a);
        Api.onboard(b);
        String apiA = "api.uw." + a + ".localhost";
        String apiB = "api.uw." + b + ".localhost";
        String body = "{\"reference\": \"POL-1\", \"applicationDate\": \"2026-12-01\", \"answers\": " + ANSWERS + "}";

        var created = Edge.send(apiA, "POST", "/api/v1/cases", body, "Idempotency-Key", "k-1");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode c = JSON.readTree(created.body());
        String id = c.get("id").asText();
        assertThat(id).hasSize(22);
        assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/cases/" + id);
        assertThat(c.at("/decision/outcome").asText()).isEqualTo("RATED");
        assertThat(c.at("/decision/rating/table").asInt()).isEqualTo(3);
        assertThat(c.at("/decision/explanation/rulebookVersion").asText()).isEqualTo("2026.11.1");

        var replay = Edge.send(apiA, "POST", "/api/v1/cases", body, "Idempotency-Key", "k-1");
        assertThat(JSON.readTree(replay.body()).get("id").asText()).isEqualTo(id);
        var conflict = Edge.send(apiA, "POST", "/api/v1/cases", body.replace("POL-1", "POL-2"), "Idempotency-Key", "k-1");
        assertThat(conflict.statusCode()).isEqualTo(422);

        var changed = Edge.send(apiA, "PATCH", "/api/v1/cases/" + id + "/answers", "{\"answers\": {\"smoker\": false}}");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(JSON.readTree(changed.body()).at("/decision/outcome").asText()).isEqualTo("STANDARD");
        assertThat(JSON.readTree(changed.body()).get("decisions").asInt()).isEqualTo(2);

        assertThat(Edge.get(apiA, "/api/v1/cases/" + id).statusCode()).isEqualTo(200);
        assertThat(Edge.get(apiB, "/api/v1/cases/" + id).statusCode()).as("tenant B must not see A's case").isEqualTo(404);
        var patchFromB = Edge.send(apiB, "PATCH", "/api/v1/cases/" + id + "/answers", "{\"answers\": {\"smoker\": true}}");
        assertThat(patchFromB.statusCode()).as("tenant B must not change A's case").isEqualTo(404);
        assertThat(JSON.readTree(Edge.get(apiB, "/api/v1/cases").body()).get("items")).isEmpty();
        assertThat(JSON.readTree(Edge.get(apiA, "/api/v1/cases").body()).get("items")).hasSize(1);

        var rejected = Edge.send(apiA, "POST", "/api/v1/cases", "{\"answers\": {\"height_cm\": 999}}");
        assertThat(rejected.statusCode()).isEqualTo(422);
        assertThat(rejected.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(rejected.body());
        assertThat(problem.get("errors").findValuesAsText("field")).contains("height_cm", "smoker");
    }
}

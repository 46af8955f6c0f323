package io.undersign.controlplane.api;

import static io.restassured.RestAssured.given;
import static io.undersign.controlplane.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.undersign.controlplane.security.Role;
import io.undersign.controlplane.support.Api;
import io.undersign.controlplane.support.TestDatabase;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Auth, validation, errors, idempotency and audit of the admin API. */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class AdminApiTest {

    @Test
    void requiresATokenAndTheRightRole() {
        given().get("/api/v1/tenants").then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", "Bearer nope").get("/api/v1/tenants").then().statusCode(401);
        as(Role.VIEWER).get("/api/v1/tenants").then().statusCode(200);
        as(Role.VIEWER).body(Map.of("id", Api.uniqueId("role"), "displayName", "X")).post("/api/v1/tenants")
                .then().statusCode(403).contentType("application/problem+json");
        as(Role.OPERATOR).post("/api/v1/tenants/whoever/offboard").then().statusCode(403);
        as(Role.VIEWER).get("/api/v1/audit").then().statusCode(403);
    }

    @Test
    void rejectsBadInputWithProblemDetailsNamingTheFieldAndChangesNothing() {
        as(Role.OPERATOR).body(Map.of("id", "Bad_Id", "displayName", "X")).post("/api/v1/tenants")
                .then().statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("id")).body("status", equalTo(400)).body("requestId", notNullValue());
        as(Role.OPERATOR).body(Map.of("id", Api.uniqueId("nm"))).post("/api/v1/tenants")
                .then().statusCode(400).body("field", equalTo("displayName"));
        String id = Api.uniqueId("reg");
        as(Role.OPERATOR).body(Map.of("id", id, "displayName", "X", "region", "mars-1")).post("/api/v1/tenants")
                .then().statusCode(400).body("field", equalTo("region")).body("detail", containsString("mars-1"));
        as(Role.OPERATOR).body(Map.of("id", id, "displayName", "X", "tlsPolicy", "TLS10")).post("/api/v1/tenants")
                .then().statusCode(400).body("field", equalTo("tlsPolicy"));
        as(Role.OPERATOR).body(Map.of("id", id, "displayName", "X", "colour", "red")).post("/api/v1/tenants")
                .then().statusCode(400).body("field", equalTo("colour")).body("type", containsString("unknown-field"));
        as(Role.OPERATOR).body("{\"id\": ").post("/api/v1/tenants").then().statusCode(400)
                .contentType("application/problem+json");
        as(Role.OPERATOR).body("{\"id\": \"" + id + "\", \"displayName\": \"" + "x".repeat(70_000) + "\"}")
                .post("/api/v1/tenants").then().statusCode(413);
        as(Role.VIEWER).get("/api/v1/tenants/" + id).then().statusCode(404).body("field", equalTo("id"));
        as(Role.VIEWER).queryParam("status", "sleeping").get("/api/v1/tenants").then().statusCode(400)
                .body("field", equalTo("status"));
    }

    @Test
    void sameIdempotencyKeyGivesTheSameOperationAndADifferentBodyIs422() {
        String id = Api.uniqueId("idem");
        String key = "key-" + id;
        Map<String, String> body = Map.of("id", id, "displayName", "Idem Life");
        String first = as(Role.OPERATOR).header("Idempotency-Key", key).body(body).post("/api/v1/tenants")
                .then().statusCode(202).extract().path("operation.id");
        String second = as(Role.OPERATOR).header("Idempotency-Key", key).body(body).post("/api/v1/tenants")
                .then().statusCode(202).extract().path("operation.id");
        assertThat(second).isEqualTo(first);
        as(Role.OPERATOR).header("Idempotency-Key", key).body(Map.of("id", id, "displayName", "Other"))
                .post("/api/v1/tenants").then().statusCode(422).body("field", equalTo("Idempotency-Key"));
        Api.awaitOperation(first);
    }

    @Test
    void refusesIllegalTransitionsWith409AndAReason() {
        String id = Api.uniqueId("trans");
        Api.onboard(id);
        as(Role.OPERATOR).post("/api/v1/tenants/" + id + "/resume").then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("ACTIVE"));
        as(Role.OPERATOR).post("/api/v1/tenants/" + id + "/retry").then().statusCode(409);
        as(Role.OPERATOR).post("/api/v1/tenants/nobody-at-all/suspend").then().statusCode(404);
    }

    @Test
    void auditsEveryWriteWithActorTenantRequestIdAndOutcome() {
        String id = Api.uniqueId("aud");
        String op = as(Role.OPERATOR).header("X-Request-Id", "req-" + id).body(Map.of("id", id, "displayName", "Audit"))
                .post("/api/v1/tenants").then().statusCode(202).header("X-Request-Id", "req-" + id)
                .extract().path("operation.id");
        Api.awaitOperation(op);
        as(Role.OPERATOR).post("/api/v1/tenants/" + id + "/resume").then().statusCode(409);

        var entries = as(Role.OPERATOR).queryParam("tenant", id).get("/api/v1/audit").then().statusCode(200)
                .extract().jsonPath();
        assertThat(entries.getList("items.action")).containsExactly("tenant.resume", "tenant.create");
        assertThat(entries.getList("items.outcome")).containsExactly("refused", "succeeded");
        assertThat(entries.getString("items[1].requestId")).isEqualTo("req-" + id);
        assertThat(entries.getString("items[1].actor")).isEqualTo("test-operator");
        as(Role.OPERATOR).queryParam("actor", "test-operator").queryParam("from", "2000-01-01T00:00:00Z")
                .get("/api/v1/audit").then().statusCode(200).body("items.size()", org.hamcrest.Matchers.greaterThan(0));
        as(Role.OPERATOR).queryParam("from", "yesterday").get("/api/v1/audit").then().statusCode(400)
                .body("field", equalTo("from"));

        // paged one by one with the cursor: the same two entries, newest first, then the end
        var first = as(Role.OPERATOR).queryParam("tenant", id).queryParam("limit", 1).get("/api/v1/audit").then().statusCode(200)
                .extract().jsonPath();
        assertThat(first.getList("items.action")).containsExactly("tenant.resume");
        var second = as(Role.OPERATOR).queryParam("tenant", id).queryParam("limit", 1).queryParam("cursor", first.getString("nextCursor"))
                .get("/api/v1/audit").then().statusCode(200).extract().jsonPath();
        assertThat(second.getList("items.action")).containsExactly("tenant.create");
        assertThat(second.getString("nextCursor")).as("two entries, two pages").isNull();
    }

    @Test
    void refusalsBeforeAnyActionAreAuditedAndRefusalsSpeakTheRequestsLanguage() {
        String uid = Api.uniqueId("r");
        given().header("X-Request-Id", "anon-" + uid).get("/api/v1/tenants").then().statusCode(401);
        as(Role.VIEWER).header("X-Request-Id", "view-" + uid).post("/api/v1/tenants/whoever/suspend").then().statusCode(403);
        as(Role.OPERATOR).header("X-Request-Id", "bad-" + uid).body(Map.of("id", "fine-" + uid.substring(2), "displayName", "X",
                "contactEmail", "not-an-email")).post("/api/v1/tenants").then().statusCode(400);
        var entries = as(Role.OPERATOR).queryParam("limit", 100).get("/api/v1/audit").then().statusCode(200).extract().jsonPath();
        java.util.List<String> ids = entries.getList("items.requestId");
        int anon = ids.indexOf("anon-" + uid);
        int view = ids.indexOf("view-" + uid);
        int bad = ids.indexOf("bad-" + uid);
        assertThat(anon).isNotNegative();
        assertThat(entries.getString("items[" + anon + "].actor")).isEqualTo("anonymous");
        assertThat(entries.getString("items[" + anon + "].action")).isEqualTo("auth.unauthenticated");
        assertThat(entries.getString("items[" + anon + "].detail")).isEqualTo("GET /api/v1/tenants: no valid bearer token");
        assertThat(view).isNotNegative();
        assertThat(entries.getString("items[" + view + "].actor")).isEqualTo("test-viewer");
        assertThat(entries.getString("items[" + view + "].outcome")).isEqualTo("refused");
        assertThat(entries.getString("items[" + bad + "].detail")).startsWith("contactEmail: ").doesNotContain("create.request");
    }

    @Test
    void aRevokedTokenIsRefusedFromTheNextRequestAndTheLastAdminTokenStays() {
        var issued = as(Role.ADMIN).body(Map.of("name", "short-lived", "role", "operator")).post("/api/v1/tokens").then().statusCode(201)
                .extract().jsonPath();
        String token = issued.getString("token");
        given().header("Authorization", "Bearer " + token).get("/api/v1/tenants").then().statusCode(200);
        as(Role.ADMIN).post("/api/v1/tokens/" + issued.getString("id") + "/revoke").then().statusCode(200)
                .body("revokedAt", org.hamcrest.Matchers.notNullValue());
        given().header("Authorization", "Bearer " + token).get("/api/v1/tenants").then().statusCode(401);
        as(Role.ADMIN).post("/api/v1/tokens/" + issued.getString("id") + "/revoke").then().statusCode(200);
        as(Role.ADMIN).post("/api/v1/tokens/ffffffffffff/revoke").then().statusCode(404).body("field", equalTo("id"));
        as(Role.OPERATOR).get("/api/v1/tokens").then().statusCode(403);
        var tokens = as(Role.ADMIN).get("/api/v1/tokens").then().statusCode(200).extract().jsonPath();
        assertThat(tokens.getList("token")).as("never the tokens themselves").allMatch(java.util.Objects::isNull);
        var audit = as(Role.OPERATOR).queryParam("limit", 50).get("/api/v1/audit").then().extract().jsonPath();
        assertThat(audit.getList("items.detail", String.class)).anyMatch(d -> d != null && d.contains("id=" + issued.getString("id"))
                && d.contains("role=operator"));
    }

    @Test
    void aRefusedActionOnAMalformedTenantIdIsAuditedWithoutTakingTheTextAsATenant() {
        String typed = "NOT-a-tenant-" + Api.uniqueId("x");
        as(Role.OPERATOR).header("X-Request-Id", "req-" + typed).post("/api/v1/tenants/" + typed + "/suspend").then().statusCode(404);
        var entries = as(Role.OPERATOR).queryParam("actor", "test-operator").queryParam("limit", 20).get("/api/v1/audit")
                .then().statusCode(200).extract().jsonPath();
        int at = entries.getList("items.requestId").indexOf("req-" + typed);
        assertThat(at).as("the refusal is audited").isNotNegative();
        assertThat(entries.getString("items[" + at + "].outcome")).isEqualTo("refused");
        assertThat(entries.getString("items[" + at + "].tenantId")).isNull();
    }

    @Test
    void streamsOperationProgressAsServerSentEvents() {
        String id = Api.uniqueId("sse");
        String op = Api.createTenant(id);
        String stream = as(Role.VIEWER).accept("text/event-stream").get("/api/v1/operations/" + op + "/events")
                .then().statusCode(200).extract().asString();
        assertThat(stream).contains("data:").contains("\"status\":\"SUCCEEDED\"").contains("deploy-runtime");
    }

    @Test
    void publishesOpenApiHealthAndMetrics() {
        given().get("/q/openapi").then().statusCode(200).body(containsString("/api/v1/tenants"));
        given().get("/q/health/ready").then().statusCode(200);
        Api.onboard(Api.uniqueId("metric"));
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("undersign_operations_total"))
                .body(containsString("undersign_step_duration_seconds"))
                .body(containsString("undersign_tenants{"));
        given().contentType(ContentType.JSON).get("/q/swagger-ui/").then().statusCode(200);
    }
}

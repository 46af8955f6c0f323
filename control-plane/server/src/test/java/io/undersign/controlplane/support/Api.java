package io.undersign.controlplane.support;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.undersign.controlplane.security.Role;
import io.undersign.controlplane.security.TokenService;
import jakarta.enterprise.inject.spi.CDI;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/** Test helpers over the admin API: tokens per role, unique tenant ids, onboarding and waiting. */
public final class Api {
    private static final Map<Role, String> TOKENS = new java.util.concurrent.ConcurrentHashMap<>();

    private Api() {
    }

    public static String token(Role role) {
        return TOKENS.computeIfAbsent(role, r -> CDI.current().select(TokenService.class).get().issue("test-" + r.wireName(), r));
    }

    /** Every token the tests have issued so far. */
    public static java.util.Collection<String> tokens() {
        return java.util.List.copyOf(TOKENS.values());
    }

    public static RequestSpecification as(Role role) {
        return given().header("Authorization", "Bearer " + token(role)).contentType(ContentType.JSON);
    }

    /** A tenant id no other test run uses (tenant databases share the server). */
    public static String uniqueId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 6);
    }

    public static String createTenant(String id) {
        return as(Role.OPERATOR).body(Map.of("id", id, "displayName", "Tenant " + id))
                .post("/api/v1/tenants").then().statusCode(202).extract().path("operation.id");
    }

    public static JsonPath awaitOperation(String operationId) {
        JsonPath[] last = new JsonPath[1];
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(() -> {
            last[0] = as(Role.VIEWER).get("/api/v1/operations/" + operationId).then().statusCode(200).extract().jsonPath();
            String status = last[0].getString("status");
            return status.equals("SUCCEEDED") || status.equals("FAILED");
        });
        return last[0];
    }

    public static JsonPath tenant(String id) {
        return as(Role.VIEWER).get("/api/v1/tenants/" + id).then().statusCode(200).extract().jsonPath();
    }

    public static void onboard(String id) {
        JsonPath op = awaitOperation(createTenant(id));
        if (!op.getString("status").equals("SUCCEEDED")) {
            throw new AssertionError("onboarding of " + id + " failed: " + op.getString("error"));
        }
    }
}

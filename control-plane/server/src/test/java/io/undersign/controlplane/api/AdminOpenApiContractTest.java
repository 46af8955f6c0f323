package io.undersign.controlplane.api;

import static io.undersign.controlplane.support.Api.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.undersign.controlplane.security.Role;
import io.undersign.controlplane.support.Api;
import io.undersign.controlplane.support.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The admin API as its own OpenAPI document describes it, checked the way a contract tester
 * generated from that document would: each real answer's status must be documented for its
 * operation, with the content type documented, and its body must match the documented schema.
 */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class AdminOpenApiContractTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static JsonNode document;

    @org.junit.jupiter.api.BeforeEach
    void load() throws Exception {
        // here, not in @BeforeAll: the test's HTTP port is set up per test
        if (document == null) {
            document = JSON.readTree(given().get("/q/openapi?format=json").then().statusCode(200).extract().asString());
            java.nio.file.Files.writeString(java.nio.file.Path.of("target/admin-openapi.json"), document.toPrettyString());
        }
    }

    @Test
    void theDocumentNamesItsServerOperationsAndTokens() {
        assertThat(document.at("/servers/0/url").asText()).startsWith("http://127.0.0.1:");
        JsonNode schemes = document.at("/components/securitySchemes");
        assertThat(schemes.size()).isEqualTo(1);
        JsonNode scheme = schemes.elements().next();
        assertThat(scheme.path("scheme").asText()).isEqualTo("bearer");
        assertThat(scheme.has("bearerFormat")).as("tokens are opaque, not JWTs").isFalse();
        List<String> ids = new ArrayList<>();
        document.get("paths").fields().forEachRemaining(p -> p.getValue().fields().forEachRemaining(op -> {
            if (op.getValue().isObject() && op.getValue().has("responses")) {
                assertThat(op.getValue().path("operationId").asText()).as(op.getKey() + " " + p.getKey()).isNotBlank();
                ids.add(op.getValue().get("operationId").asText());
            }
        }));
        assertThat(ids).doesNotHaveDuplicates().contains("createTenant", "listTenants", "showTenant", "offboardTenant", "issueToken");
    }

    @Test
    void everyAnswerIsDocumentedAndMatchesItsSchema() throws Exception {
        String id = Api.uniqueId("oas");
        Response created = as(Role.OPERATOR).body(Map.of("id", id, "displayName", "Contract Life")).post("/api/v1/tenants");
        conforms("post", "/api/v1/tenants", created, 202);
        String operation = created.path("operation.id");
        Api.awaitOperation(operation);

        conforms("post", "/api/v1/tenants", as(Role.OPERATOR).body(Map.of("id", "Bad Id", "displayName", "X")).post("/api/v1/tenants"), 400);
        conforms("post", "/api/v1/tenants", as(Role.OPERATOR).body("[1,2]").post("/api/v1/tenants"), 400);
        conforms("post", "/api/v1/tenants", as(Role.OPERATOR).body(Map.of("id", id, "displayName", "Again")).post("/api/v1/tenants"), 409);
        conforms("post", "/api/v1/tenants", as(Role.VIEWER).body(Map.of("id", Api.uniqueId("v"), "displayName", "X")).post("/api/v1/tenants"), 403);
        conforms("post", "/api/v1/tenants", given().contentType("application/json").body("{}").post("/api/v1/tenants"), 401);
        conforms("post", "/api/v1/tenants", as(Role.OPERATOR).body("{\"id\":\"" + "x".repeat(70 * 1024) + "\"}").post("/api/v1/tenants"), 413);
        String key = "oas-" + id;
        as(Role.OPERATOR).header("Idempotency-Key", key).body(Map.of("id", Api.uniqueId("k"), "displayName", "K")).post("/api/v1/tenants");
        conforms("post", "/api/v1/tenants", as(Role.OPERATOR).header("Idempotency-Key", key)
                .body(Map.of("id", Api.uniqueId("k"), "displayName", "Other")).post("/api/v1/tenants"), 422);

        conforms("get", "/api/v1/tenants", as(Role.VIEWER).get("/api/v1/tenants"), 200);
        conforms("get", "/api/v1/tenants", as(Role.VIEWER).queryParam("limit", "abc").get("/api/v1/tenants"), 400);
        conforms("get", "/api/v1/tenants/{id}", as(Role.VIEWER).get("/api/v1/tenants/" + id), 200);
        conforms("get", "/api/v1/tenants/{id}", as(Role.VIEWER).get("/api/v1/tenants/nobody-here"), 404);
        conforms("get", "/api/v1/operations/{id}", as(Role.VIEWER).get("/api/v1/operations/" + operation), 200);
        conforms("post", "/api/v1/tenants/{id}/resume", as(Role.OPERATOR).post("/api/v1/tenants/" + id + "/resume"), 409);
        conforms("post", "/api/v1/tenants/{id}/retry", as(Role.OPERATOR).post("/api/v1/tenants/" + id + "/retry"), 409);

        Response certificate = as(Role.OPERATOR).body(Map.of("name", "contract")).post("/api/v1/tenants/" + id + "/certificates");
        conforms("post", "/api/v1/tenants/{id}/certificates", certificate, 201);
        conforms("get", "/api/v1/tenants/{id}/certificates", as(Role.VIEWER).get("/api/v1/tenants/" + id + "/certificates"), 200);
        conforms("post", "/api/v1/tenants/{id}/certificates/{serial}/revoke", as(Role.OPERATOR)
                .post("/api/v1/tenants/" + id + "/certificates/" + certificate.path("serial") + "/revoke"), 200);
        conforms("post", "/api/v1/tenants/{id}/evidence-provider/credentials", as(Role.OPERATOR)
                .post("/api/v1/tenants/" + id + "/evidence-provider/credentials"), 201);
        conforms("get", "/api/v1/audit", as(Role.OPERATOR).queryParam("tenant", id).get("/api/v1/audit"), 200);
        conforms("post", "/api/v1/tokens", as(Role.ADMIN).body(Map.of("name", "contract", "role", "viewer")).post("/api/v1/tokens"), 201);

        Response suspended = as(Role.OPERATOR).post("/api/v1/tenants/" + id + "/suspend");
        conforms("post", "/api/v1/tenants/{id}/suspend", suspended, 202);
        Api.awaitOperation(suspended.path("operation.id"));
        Response offboarded = as(Role.ADMIN).post("/api/v1/tenants/" + id + "/offboard");
        conforms("post", "/api/v1/tenants/{id}/offboard", offboarded, 202);
        Api.awaitOperation(offboarded.path("operation.id"));
        conforms("get", "/api/v1/tenants/{id}", as(Role.VIEWER).get("/api/v1/tenants/" + id), 200);
        assertThat(contract().checked()).hasSize(24);
    }

    private void conforms(String method, String template, Response response, int expected) throws Exception {
        contract().conforms(method, template, response.statusCode(), response.contentType(), response.asString(), expected);
    }

    private static io.undersign.http.testing.OpenApiContract contract;

    private static io.undersign.http.testing.OpenApiContract contract() throws Exception {
        if (contract == null) {
            contract = new io.undersign.http.testing.OpenApiContract(document.toString());
        }
        return contract;
    }
}

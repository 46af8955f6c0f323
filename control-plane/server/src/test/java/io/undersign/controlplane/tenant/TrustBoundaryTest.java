package io.undersign.controlplane.tenant;

import static io.undersign.controlplane.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.undersign.contract.TenantProfile;
import io.undersign.controlplane.security.Role;
import io.undersign.controlplane.support.Api;
import io.undersign.controlplane.support.Edge;
import io.undersign.controlplane.support.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a tenant or operator supplies is data: never expanded, never inherited, refused when it would break something. */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class TrustBoundaryTest {

    @Test
    void aDisplayNameIsShownAsWrittenNeverExpandedAndTheRuntimeInheritsNothing() throws Exception {
        String id = Api.uniqueId("trust");
        // each of these would be expanded by the runtime's configuration if it travelled through it
        String name = "Z${QUARKUS_DATASOURCE_PASSWORD}Z ${7*7} $${HOME} {name}";
        String op = as(Role.OPERATOR).body(Map.of("id", id, "displayName", name)).post("/api/v1/tenants")
                .then().statusCode(202).extract().path("operation.id");
        JsonPath done = Api.awaitOperation(op);
        assertThat(done.getString("status")).as(done.getString("error")).isEqualTo("SUCCEEDED");

        String page = Edge.get("uw." + id + ".localhost", "/").body();
        assertThat(page).contains("<header><p>" + name.replace("'", "&#39;") + "</p></header>")
                .contains("<h1>Apply for life cover with " + name.replace("'", "&#39;") + "</h1>");
        assertThat(page)
                .doesNotContain(" 49 "); // what ${7*7} would have become

        long pid = Long.parseLong(Api.tenant(id).getString("latestOperation.steps.find { it.name == 'deploy-runtime' }.outputs.pid"));
        Map<String, String> environment = environmentOf(pid);
        assertThat(environment.keySet()).containsExactlyInAnyOrder("LANG", "UNDERSIGN_TENANT_ID", TenantProfile.DISPLAY_NAME_VARIABLE,
                "QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD",
                "UNDERSIGN_BROKER_URL", "UNDERSIGN_BROKER_USERNAME", "UNDERSIGN_BROKER_PASSWORD", "UNDERSIGN_TENANT_API_URL",
                // its own root key (a Tink keyset, the control plane's copy sealed) and its key database's name
                "UNDERSIGN_ROOT_KEY", "UNDERSIGN_KEY_DATABASE");
        assertThat(environment.get("UNDERSIGN_ROOT_KEY")).as("a Tink keyset, the tenant's own").contains("primaryKeyId")
                .isEqualTo(jakarta.enterprise.inject.spi.CDI.current().select(io.undersign.controlplane.secret.SecretStore.class).get()
                        .get(io.undersign.controlplane.tenant.TenantNames.rootKeySecret(id)).orElseThrow());
        assertThat(TenantProfile.decode(environment.get(TenantProfile.DISPLAY_NAME_VARIABLE))).isEqualTo(name);
        String ownEnvironment = String.join("\n", System.getenv().values());
        for (String token : Api.tokens()) {
            assertThat(environment.values()).noneMatch(v -> v.contains(token));
            assertThat(ownEnvironment).doesNotContain(token); // so the check above is about the runtime, not luck
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"Nul\u0000Life", "Carriage\rReturn", "Line\nFeed", "Esc\u001b[31mape", "Tab\tLife",
            "Right\u202eLeft", "Isolate\u2066x\u2069", "Mark\u200fLife", "Line\u2028Separator"})
    void aNameThatWouldBreakOrForgeSomethingIsRefusedBeforeAnythingIsMade(String name) {
        String id = Api.uniqueId("bad");
        as(Role.OPERATOR).body(Map.of("id", id, "displayName", name)).post("/api/v1/tenants")
                .then().statusCode(400).contentType("application/problem+json").body("field", equalTo("displayName"));
        as(Role.VIEWER).get("/api/v1/tenants/" + id).then().statusCode(404);
    }

    @Test
    void aNameTooLongOrOfTheWrongTypeIsRefusedNotCoerced() {
        as(Role.OPERATOR).body(Map.of("id", Api.uniqueId("long"), "displayName", "x".repeat(101))).post("/api/v1/tenants")
                .then().statusCode(400).contentType("application/problem+json").body("field", equalTo("displayName"));
        for (String value : new String[] {"true", "42", "4.2", "[\"a\"]", "{\"a\":1}"}) {
            String id = Api.uniqueId("type");
            as(Role.OPERATOR).body("{\"id\":\"" + id + "\",\"displayName\":" + value + "}").post("/api/v1/tenants")
                    .then().statusCode(400).contentType("application/problem+json").body("field", equalTo("displayName"));
            as(Role.VIEWER).get("/api/v1/tenants/" + id).then().statusCode(404);
        }
        // letters of any script and emoji are names too
        String id = Api.uniqueId("intl");
        as(Role.OPERATOR).body(Map.of("id", id, "displayName", "Société Générale Vie — 生命 👍")).post("/api/v1/tenants")
                .then().statusCode(202);
    }

    @Test
    void malformedBodiesAndParametersAreProblemsNamingTheField() {
        as(Role.OPERATOR).body("[1,2]").post("/api/v1/tenants")
                .then().statusCode(400).contentType("application/problem+json").body("field", equalTo("body"));
        as(Role.OPERATOR).body("{\"id\":\"abc\",\"displayName\":\"A\"} trailing").post("/api/v1/tenants")
                .then().statusCode(400).contentType("application/problem+json");
        as(Role.OPERATOR).body("{\"id\":\"abc\",\"id\":\"abd\",\"displayName\":\"A\"}").post("/api/v1/tenants")
                .then().statusCode(400).contentType("application/problem+json");
        as(Role.OPERATOR).body("{\"id\":").post("/api/v1/tenants")
                .then().statusCode(400).contentType("application/problem+json").body("field", equalTo("body"));
        as(Role.VIEWER).queryParam("limit", "abc").get("/api/v1/tenants")
                .then().statusCode(400).contentType("application/problem+json").body("field", equalTo("limit"));
        as(Role.OPERATOR).queryParam("limit", "abc").get("/api/v1/audit")
                .then().statusCode(400).contentType("application/problem+json").body("field", equalTo("limit"));
        as(Role.OPERATOR).queryParam("cursor", "x").get("/api/v1/audit")
                .then().statusCode(400).contentType("application/problem+json").body("field", equalTo("cursor"));
        String big = "{\"id\":\"abc\",\"displayName\":\"" + "x".repeat(1024 * 1024) + "\"}";
        as(Role.OPERATOR).body(big).post("/api/v1/tenants")
                .then().statusCode(413).contentType("application/problem+json");
    }

    @Test
    void anIdempotencyKeyBelongsToTheTokenThatUsedIt() {
        String key = "key-" + Api.uniqueId("idem");
        String id = Api.uniqueId("idem");
        String first = as(Role.OPERATOR).header("Idempotency-Key", key).body(Map.of("id", id, "displayName", "Idem"))
                .post("/api/v1/tenants").then().statusCode(202).extract().path("operation.id");
        // another token of the same name and role: its key is its own
        String other = io.quarkus.arc.Arc.container().instance(io.undersign.controlplane.security.TokenService.class).get()
                .issue("test-" + Role.OPERATOR.wireName(), Role.OPERATOR);
        String otherId = Api.uniqueId("idem");
        String second = io.restassured.RestAssured.given().header("Authorization", "Bearer " + other)
                .contentType(io.restassured.http.ContentType.JSON).header("Idempotency-Key", key)
                .body(Map.of("id", otherId, "displayName", "Idem")).post("/api/v1/tenants")
                .then().statusCode(202).extract().path("operation.id");
        assertThat(second).isNotEqualTo(first);
        assertThat(Api.awaitOperation(second).getString("tenantId")).isEqualTo(otherId);
        // the first caller's replay still answers with its own operation
        as(Role.OPERATOR).header("Idempotency-Key", key).body(Map.of("id", id, "displayName", "Idem"))
                .post("/api/v1/tenants").then().statusCode(202).body("operation.id", equalTo(first));
    }

    private static Map<String, String> environmentOf(long pid) throws Exception {
        String raw = new String(Files.readAllBytes(Path.of("/proc/" + pid + "/environ")), StandardCharsets.UTF_8);
        return Arrays.stream(raw.split("\u0000")).filter(s -> !s.isEmpty())
                .collect(Collectors.toMap(s -> s.substring(0, s.indexOf('=')), s -> s.substring(s.indexOf('=') + 1), (a, b) -> b,
                        TreeMap::new));
    }
}

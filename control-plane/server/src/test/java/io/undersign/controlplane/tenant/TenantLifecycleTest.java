package io.undersign.controlplane.tenant;

import static io.undersign.controlplane.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.undersign.controlplane.security.Role;
import io.undersign.controlplane.support.Api;
import io.undersign.controlplane.support.Edge;
import io.undersign.controlplane.support.TenantSchema;
import io.undersign.controlplane.support.TestDatabase;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** The whole life of a tenant on real MariaDB, the real broker and real runtime processes. */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class TenantLifecycleTest {

    @ConfigProperty(name = "undersign.mysql.server")
    String mysqlServer;

    @Test
    void onboardsATenantThatAnswersAtItsOwnHostNames() throws Exception {
        String id = Api.uniqueId("life");
        Api.onboard(id);

        JsonPath tenant = Api.tenant(id);
        assertThat(tenant.getString("status")).isEqualTo("ACTIVE");
        assertThat(tenant.getString("endpoints.interview")).isEqualTo("https://uw." + id + ".localhost:18443/");
        assertThat(tenant.getString("endpoints.api")).isEqualTo("https://api.uw." + id + ".localhost:18444/");
        assertThat(tenant.getList("latestOperation.steps.name"))
                .containsExactly("provision-stack", "migrate-schema", "register-dns", "register-identity", "deploy-runtime", "verify");
        assertThat(tenant.getList("latestOperation.steps.status")).containsOnly("SUCCEEDED");
        assertThat(tenant.getString("latestOperation.steps[1].outputs.schemaVersion")).isEqualTo(TenantSchema.latestVersion());

        var page = Edge.get("uw." + id + ".localhost", "/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Tenant " + id).contains("Start your application")
                .as("applicants are not shown the runtime's machinery").doesNotContain("Schema version").doesNotContain("Messaging");
        assertThat(Edge.get("api.uw." + id + ".localhost", "/q/health/ready").statusCode()).isEqualTo(200);
        assertThat(Edge.plainGet("uw.nobody-here.localhost", "/").statusCode()).isEqualTo(404);
        var unknownApi = Edge.plainGet("api.uw.nobody-here.localhost", "/api/v1/cases");
        assertThat(unknownApi.statusCode()).isEqualTo(404);
        assertThat(unknownApi.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        // plain HTTP carries no interview: it redirects to https, keeping path and query
        var plain = Edge.plainGet("uw." + id + ".localhost", "/interview/x?y=1");
        assertThat(plain.statusCode()).isEqualTo(308);
        assertThat(plain.headers().firstValue("Location")).hasValue("https://uw." + id + ".localhost:18443/interview/x?y=1");
        assertThat(page.headers().firstValue("Strict-Transport-Security")).hasValue("max-age=31536000; includeSubDomains");
        assertThat(page.headers().allValues("Strict-Transport-Security")).hasSize(1);
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("default-src 'none'")
                .contains("frame-ancestors 'none'");
    }

    @Test
    void theTenantsColourIsOnItsPages() throws Exception {
        String id = Api.uniqueId("brand");
        String op = as(Role.OPERATOR).body(java.util.Map.of("id", id, "displayName", "Brand Life", "brandColour", "#7A1F5C"))
                .post("/api/v1/tenants").then().statusCode(202).extract().path("operation.id");
        assertThat(Api.awaitOperation(op).getString("status")).isEqualTo("SUCCEEDED");
        assertThat(Api.tenant(id).getString("brandColour")).isEqualTo("#7a1f5c");
        assertThat(Edge.get("uw." + id + ".localhost", "/").body()).contains("background: #7a1f5c").contains("Brand Life");
        as(Role.OPERATOR).body(java.util.Map.of("id", Api.uniqueId("brand"), "displayName", "X", "brandColour", "red"))
                .post("/api/v1/tenants").then().statusCode(400).body("field", org.hamcrest.Matchers.equalTo("brandColour"));
    }

    @Test
    void suspendAnswers503AndResumeRestoresTheTenant() throws Exception {
        String id = Api.uniqueId("susp");
        Api.onboard(id);
        String pid = Api.tenant(id).getString("latestOperation.steps.find { it.name == 'deploy-runtime' }.outputs.pid");

        String suspend = as(Role.OPERATOR).post("/api/v1/tenants/" + id + "/suspend").then().statusCode(202)
                .extract().path("operation.id");
        assertThat(Api.awaitOperation(suspend).getString("status")).isEqualTo("SUCCEEDED");
        assertThat(Api.tenant(id).getString("status")).isEqualTo("SUSPENDED");
        var page = Edge.get("uw." + id + ".localhost", "/");
        assertThat(page.statusCode()).isEqualTo(503);
        assertThat(page.body()).contains("suspended");
        assertThat(ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false)).isFalse();

        String resume = as(Role.OPERATOR).post("/api/v1/tenants/" + id + "/resume").then().statusCode(202)
                .extract().path("operation.id");
        assertThat(Api.awaitOperation(resume).getString("status")).isEqualTo("SUCCEEDED");
        assertThat(Api.tenant(id).getString("status")).isEqualTo("ACTIVE");
        assertThat(Edge.get("uw." + id + ".localhost", "/").statusCode()).isEqualTo(200);
    }

    @Test
    void offboardingExportsTheDataThenRemovesEverythingAndKeepsTheIdReserved() throws Exception {
        String id = Api.uniqueId("gone");
        Api.onboard(id);

        String offboard = as(Role.ADMIN).post("/api/v1/tenants/" + id + "/offboard").then().statusCode(202)
                .extract().path("operation.id");
        JsonPath op = Api.awaitOperation(offboard);
        assertThat(op.getString("status")).isEqualTo("SUCCEEDED");
        assertThat(op.getList("steps.name"))
                .containsExactly("suspend-traffic", "stop-runtime", "export-data", "schedule-key-deletion", "deregister-dns", "remove-identity", "destroy-stack");
        assertThat(Api.tenant(id).getString("status")).isEqualTo("OFFBOARDED");

        Path export = Path.of(op.getString("steps[2].outputs.file"));
        assertThat(export).exists();
        try (ZipFile zip = new ZipFile(export.toFile())) {
            assertThat(zip.getEntry("tenant_audit_event.jsonl")).isNotNull();
            assertThat(new String(zip.getInputStream(zip.getEntry("tenant_audit_event.jsonl")).readAllBytes()))
                    .contains("runtime.started");
        }
        assertThat(Edge.plainGet("uw." + id + ".localhost", "/").statusCode()).isEqualTo(404);
        try (var c = DriverManager.getConnection(mysqlServer + "/", "root", "");
                var r = c.createStatement().executeQuery("SHOW DATABASES LIKE '" + TenantNames.database(id) + "'")) {
            assertThat(r.next()).as("tenant database dropped").isFalse();
        }

        as(Role.OPERATOR).body(java.util.Map.of("id", id, "displayName", "Again")).post("/api/v1/tenants")
                .then().statusCode(409).contentType("application/problem+json")
                .body("field", equalTo("id")).body("detail", containsString("offboarded"));
    }

    @Test
    void aTenantsDatabaseUserCannotReachAnotherTenantsDatabase() throws Exception {
        String a = Api.uniqueId("iso-a");
        String b = Api.uniqueId("iso-b");
        Api.onboard(a);
        Api.onboard(b);
        String passwordA = CdiSecrets.dbPassword(a);

        try (var c = DriverManager.getConnection(mysqlServer + "/" + TenantNames.database(a), TenantNames.databaseUser(a), passwordA)) {
            assertThat(c.createStatement().executeQuery("SELECT COUNT(*) FROM tenant_audit_event").next()).isTrue();
        }
        try (var c = DriverManager.getConnection(mysqlServer + "/" + TenantNames.database(b), TenantNames.databaseUser(a), passwordA)) {
            throw new AssertionError("tenant " + a + " could open tenant " + b + "'s database");
        } catch (SQLException expected) {
            assertThat(expected.getMessage()).containsIgnoringCase("access denied");
        }
        try (var c = DriverManager.getConnection(mysqlServer + "/" + TenantNames.database(a), TenantNames.databaseUser(a), passwordA)) {
            c.createStatement().executeQuery("SELECT * FROM `" + TenantNames.database(b) + "`.tenant_audit_event");
            throw new AssertionError("tenant " + a + " could read tenant " + b + "'s table");
        } catch (SQLException expected) {
            assertThat(expected.getMessage()).containsIgnoringCase("denied");
        }
    }

    @Test
    void aTenantsDatabaseUsersHaveTheRightsTheirJobNeedsAndNoMore() throws Exception {
        String a = Api.uniqueId("rights");
        Api.onboard(a);
        String database = TenantNames.database(a);
        String runtime = TenantNames.databaseUser(a);
        String migrations = TenantNames.migrationUser(a);
        try (var root = DriverManager.getConnection(mysqlServer + "/", "root", "")) {
            var users = root.prepareStatement("SELECT user, host, max_user_connections FROM mysql.user WHERE user IN (?, ?) ORDER BY user");
            users.setString(1, migrations);
            users.setString(2, runtime);
            List<String> rows = new java.util.ArrayList<>();
            try (var r = users.executeQuery()) {
                while (r.next()) {
                    rows.add(r.getString(1) + "@" + r.getString(2) + " max " + r.getInt(3));
                }
            }
            assertThat(rows).containsExactly(migrations + "@127.0.0.1 max 4", runtime + "@127.0.0.1 max 24");
            List<String> runtimeGrants = grants(root, runtime);
            // once migrated: rights table by table, none database-wide, the audit trail's tables append-only
            String on = "` TO `" + runtime + "`@`127.0.0.1`";
            assertThat(runtimeGrants).anyMatch(g -> g.startsWith("GRANT USAGE ON *.* TO `" + runtime + "`@`127.0.0.1`"))
                    .noneMatch(g -> g.contains("`" + database + "`.*"))
                    .contains("GRANT SELECT, INSERT, UPDATE, DELETE ON `" + database + "`.`case_file" + on,
                            "GRANT SELECT, INSERT ON `" + database + "`.`tenant_audit_event" + on,
                            "GRANT SELECT, INSERT ON `" + database + "`.`audit_seal" + on,
                            "GRANT SELECT, UPDATE ON `" + database + "`.`audit_chain_head" + on,
                            "GRANT SELECT ON `" + database + "`.`flyway_schema_history" + on,
                            // the key database: keysets read-only, data keys added and destroyed, never changed
                            "GRANT SELECT ON `" + database + "_keys`.`tenant_keyset" + on,
                            "GRANT SELECT, INSERT, DELETE ON `" + database + "_keys`.`case_key" + on)
                    .noneMatch(g -> g.contains("`" + database + "_keys`.*"))
                    .allMatch(g -> g.startsWith("GRANT USAGE") || g.matches("GRANT (SELECT|INSERT|UPDATE|DELETE)(, (SELECT|INSERT|UPDATE|DELETE))* ON .*"));
            assertThat(grants(root, migrations)).hasSize(3).noneMatch(g -> g.contains("ROUTINE") || g.contains("TRIGGER")
                    || g.contains("EVENT") || g.contains("GRANT OPTION") || g.contains("ALL PRIVILEGES"))
                    .anyMatch(g -> g.contains("CREATE, DROP") && g.contains("ALTER") && g.contains("`" + database + "`.*"))
                    .anyMatch(g -> g.contains("CREATE, DROP") && g.contains("`" + database + "_keys`.*"));
        }
        try (var c = DriverManager.getConnection(mysqlServer + "/" + database, runtime, CdiSecrets.dbPassword(a))) {
            for (String ddl : new String[] {"CREATE TABLE x (id INT)", "DROP TABLE tenant_audit_event", "ALTER TABLE case_file ADD COLUMN y INT",
                    "CREATE PROCEDURE p() SELECT 1"}) {
                try {
                    c.createStatement().execute(ddl);
                    throw new AssertionError("the runtime's user could run: " + ddl);
                } catch (SQLException expected) {
                    assertThat(expected.getMessage()).as(ddl).containsIgnoringCase("denied");
                }
            }
        }
    }

    private static List<String> grants(java.sql.Connection root, String user) throws SQLException {
        List<String> out = new java.util.ArrayList<>();
        try (var r = root.createStatement().executeQuery("SHOW GRANTS FOR '" + user + "'@'127.0.0.1'")) {
            while (r.next()) {
                out.add(r.getString(1));
            }
        }
        return out;
    }

    @Test
    void listsTenantsByStatusWithCursorPaging() {
        List<String> ids = List.of(Api.uniqueId("page"), Api.uniqueId("page"), Api.uniqueId("page"));
        ids.forEach(Api::onboard);

        List<String> seen = new java.util.ArrayList<>();
        String cursor = null;
        do {
            var request = as(Role.VIEWER).queryParam("status", "active").queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/v1/tenants").then().statusCode(200).extract().jsonPath();
            assertThat(page.getList("items")).hasSizeLessThanOrEqualTo(2);
            assertThat(page.getList("items.status")).containsOnly("ACTIVE");
            seen.addAll(page.getList("items.id"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertThat(seen).containsAll(ids).doesNotHaveDuplicates().isSorted();
    }

    @Test
    void tagsAreIdempotentAuditedListableAndCheckedBeforeAnythingChanges() {
        String id = Api.uniqueId("tags");
        String tag = Api.uniqueId("eu");
        as(Role.OPERATOR).body(Map.of("id", id, "displayName", "Tagged " + id, "tags", List.of("pilot")))
                .post("/api/v1/tenants").then().statusCode(202).body("tenant.tags", equalTo(List.of("pilot")));
        as(Role.OPERATOR).put("/api/v1/tenants/" + id + "/tags/" + tag).then().statusCode(200).body("tags", equalTo(List.of(tag, "pilot")));
        as(Role.OPERATOR).put("/api/v1/tenants/" + id + "/tags/" + tag).then().statusCode(200).body("tags", equalTo(List.of(tag, "pilot")));
        assertThat(as(Role.VIEWER).queryParam("tag", tag).get("/api/v1/tenants").then().statusCode(200).extract().jsonPath()
                .getList("items.id")).containsExactly(id);

        // refused, and nothing changed
        as(Role.OPERATOR).put("/api/v1/tenants/" + id + "/tags/Not-Lower").then().statusCode(400).body("field", equalTo("tag"));
        as(Role.OPERATOR).put("/api/v1/tenants/" + id + "/tags/" + "x".repeat(33)).then().statusCode(400).body("field", equalTo("tag"));
        as(Role.OPERATOR).queryParam("tag", "$bad").get("/api/v1/tenants").then().statusCode(400).body("field", equalTo("tag"));
        as(Role.VIEWER).put("/api/v1/tenants/" + id + "/tags/viewer-cannot").then().statusCode(403);
        as(Role.OPERATOR).put("/api/v1/tenants/nobody-" + id + "/tags/" + tag).then().statusCode(404);
        as(Role.OPERATOR).body(Map.of("id", Api.uniqueId("tags"), "displayName", "Bad tags", "tags", List.of("Bad Tag")))
                .post("/api/v1/tenants").then().statusCode(400).body("field", org.hamcrest.Matchers.startsWith("tags"));
        for (int i = 0; i < TenantTags.MAX_PER_TENANT - 2; i++) {
            as(Role.OPERATOR).put("/api/v1/tenants/" + id + "/tags/t" + i).then().statusCode(200);
        }
        as(Role.OPERATOR).put("/api/v1/tenants/" + id + "/tags/one-too-many").then().statusCode(400).body("detail", containsString("at most"));
        assertThat(Api.tenant(id).getList("tags")).hasSize(TenantTags.MAX_PER_TENANT).doesNotContain("one-too-many", "viewer-cannot");

        as(Role.OPERATOR).delete("/api/v1/tenants/" + id + "/tags/" + tag).then().statusCode(200);
        as(Role.OPERATOR).delete("/api/v1/tenants/" + id + "/tags/" + tag).then().statusCode(200);
        assertThat(Api.tenant(id).getList("tags")).doesNotContain(tag);
        assertThat(as(Role.OPERATOR).queryParam("tenant", id).get("/api/v1/audit").then().extract().jsonPath()
                .getList("items.action", String.class)).contains("tenant.tag", "tenant.untag");
    }

    /** Reads a tenant's generated database password the way the control plane does. */
    static final class CdiSecrets {
        static String dbPassword(String tenantId) {
            return jakarta.enterprise.inject.spi.CDI.current().select(io.undersign.controlplane.secret.SecretStore.class).get()
                    .get(TenantNames.dbPasswordSecret(tenantId)).orElseThrow();
        }
    }

}

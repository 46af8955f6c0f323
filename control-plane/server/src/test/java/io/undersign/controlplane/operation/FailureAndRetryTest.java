package io.undersign.controlplane.operation;

import static io.undersign.controlplane.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.undersign.controlplane.security.Role;
import io.undersign.controlplane.support.Api;
import io.undersign.controlplane.support.TestDatabase;
import io.undersign.controlplane.tenant.TenantNames;
import java.sql.DriverManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** A step that keeps failing marks the operation FAILED with its error; retry resumes from that step. */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class FailureAndRetryTest {

    @ConfigProperty(name = "undersign.mysql.server")
    String mysqlServer;

    @Test
    void failedStepIsRetriedWithBackoffThenFailsTheOperationAndRetryResumesFromIt() throws Exception {
        String id = Api.uniqueId("fail");
        String database = TenantNames.database(id);
        // a table already in the tenant's database makes Flyway refuse to migrate it
        root("CREATE DATABASE `" + database + "`");
        root("CREATE TABLE `" + database + "`.tenant_audit_event (id INT PRIMARY KEY)");

        JsonPath op = Api.awaitOperation(Api.createTenant(id));
        assertThat(op.getString("status")).isEqualTo("FAILED");
        assertThat(op.getString("error")).startsWith("migrate-schema:").contains("non-empty schema");
        assertThat(op.getString("steps[0].status")).isEqualTo("SUCCEEDED");
        assertThat(op.getInt("steps[0].attempts")).isEqualTo(1);
        assertThat(op.getString("steps[1].status")).isEqualTo("FAILED");
        assertThat(op.getInt("steps[1].attempts")).as("max-attempts in tests").isEqualTo(2);
        assertThat(op.getString("steps[2].status")).isEqualTo("PENDING");
        assertThat(Api.tenant(id).getString("status")).isEqualTo("FAILED");
        assertThat(as(Role.VIEWER).get("/api/v1/incidents").then().extract().jsonPath().getList("items.key", String.class))
                .as("a FAILED operation pages on-call").contains("operation-failed:" + id + ":ONBOARD");

        root("DROP TABLE `" + database + "`.tenant_audit_event");
        String retried = as(Role.OPERATOR).post("/api/v1/tenants/" + id + "/retry").then().statusCode(202)
                .extract().path("operation.id");
        assertThat(retried).isEqualTo(op.getString("id"));
        JsonPath done = Api.awaitOperation(retried);
        assertThat(done.getString("status")).isEqualTo("SUCCEEDED");
        assertThat(done.getInt("steps[0].attempts")).as("provision-stack is not redone").isEqualTo(1);
        assertThat(done.getInt("steps[1].attempts")).isEqualTo(1);
        assertThat(Api.tenant(id).getString("status")).isEqualTo("ACTIVE");
        assertThat(as(Role.OPERATOR).queryParam("tenant", id).get("/api/v1/audit").then().extract()
                .jsonPath().getList("items.action")).contains("tenant.retry");
    }

    @Test
    void aTenantWhoseOnboardingFailedCanBeOffboardedAndLeavesNothingBehind() throws Exception {
        String id = Api.uniqueId("stuck");
        String database = TenantNames.database(id);
        root("CREATE DATABASE `" + database + "`");
        root("CREATE TABLE `" + database + "`.tenant_audit_event (id INT PRIMARY KEY)");
        assertThat(Api.awaitOperation(Api.createTenant(id)).getString("status")).isEqualTo("FAILED");

        String offboard = as(Role.ADMIN).post("/api/v1/tenants/" + id + "/offboard").then().statusCode(202)
                .extract().path("operation.id");
        JsonPath done = Api.awaitOperation(offboard);
        assertThat(done.getString("status")).as(done.getString("error")).isEqualTo("SUCCEEDED");
        assertThat(Api.tenant(id).getString("status")).isEqualTo("OFFBOARDED");
        assertThat(count("SELECT COUNT(*) FROM information_schema.schemata WHERE schema_name = '" + database + "'")).isZero();
        assertThat(count("SELECT COUNT(*) FROM mysql.user WHERE user = '" + TenantNames.databaseUser(id) + "'")).isZero();
    }

    private long count(String sql) throws Exception {
        try (var c = DriverManager.getConnection(mysqlServer + "/", "root", ""); var r = c.createStatement().executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    private void root(String sql) throws Exception {
        try (var c = DriverManager.getConnection(mysqlServer + "/", "root", "")) {
            c.createStatement().execute(sql);
        }
    }
}

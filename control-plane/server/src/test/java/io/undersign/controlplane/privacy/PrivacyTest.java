package io.undersign.controlplane.privacy;

import static io.undersign.controlplane.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.undersign.controlplane.secret.SecretStore;
import io.undersign.controlplane.security.Role;
import io.undersign.controlplane.support.Api;
import io.undersign.controlplane.support.MtlsClient;
import io.undersign.controlplane.support.TestDatabase;
import io.undersign.controlplane.tenant.TenantNames;
import io.undersign.privacy.CaseKey;
import io.undersign.privacy.CaseKeys;
import io.undersign.privacy.ErasureReceipt;
import io.undersign.privacy.KeyStore;
import io.undersign.privacy.KeyUnavailableException;
import io.undersign.privacy.RootKeys;
import io.undersign.privacy.TenantKeyring;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Map;
import java.util.zip.ZipFile;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Health-data privacy on real tenants (local driver: their own databases, key databases, runtimes
 * and edge): the operator's erasure and subject access, one tenant's cases out of reach from
 * another's, key rotation while the runtime serves, retention enforced and checked, and the root key
 * scheduled for deletion after the export (which opens every sealed value) and deleted when due.
 */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class PrivacyTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String ANSWERS = """
            {"date_of_birth": "1990-06-15", "sex": "female", "sum_assured": 250000, "term_years": 25,
             "occupation_class": "1", "height_cm": 171, "weight_kg": 66, "smoker": false,
             "alcohol_units_per_week": 8, "hazardous_pursuits": [], "travel_advisory": "none", "asthma": false,
             "diabetes": false, "hypertension": false, "heart_condition": "none", "cancer_history": false,
             "mental_health": "none", "family_history_under_60": 0,
             "under_investigation": false, "hospital_admissions_12m": 0, "self_harm": "none"}""";
    /** Over 70 at application: the sample rulebook declines. */
    static final String DECLINED = ANSWERS.replace("1990-06-15", "1950-01-01");

    @ConfigProperty(name = "undersign.mysql.server")
    String mysqlServer;

    @Inject
    SecretStore secrets;

    @Inject
    PrivacySweep sweep;

    private static String create(MtlsClient api, String reference, String answers) throws Exception {
        var created = api.send("POST", "/api/v1/cases", "{" + (reference == null ? "" : "\"reference\": \"" + reference + "\", ")
                + "\"answers\": " + answers + "}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return JSON.readTree(created.body()).get("id").asText();
    }

    @Test
    void theOperatorErasesACaseWithASignedReceiptAndAnotherTenantReachesNone() throws Exception {
        String a = Api.uniqueId("priva");
        String b = Api.uniqueId("privb");
        Api.onboard(a);
        Api.onboard(b);
        MtlsClient apiA = MtlsClient.of(a, a);
        MtlsClient apiB = MtlsClient.of(b, b);
        String id = create(apiA, "POL-A1", ANSWERS);

        // in the tenant's own database: ciphertext only, and no key beside it
        try (Connection c = DriverManager.getConnection(mysqlServer + "/" + TenantNames.database(a), "root", "")) {
            try (var r = c.createStatement().executeQuery("SELECT answers FROM case_file WHERE id = '" + id + "'")) {
                r.next();
                assertThat(r.getString(1)).startsWith("tink1:").doesNotContain("height_cm");
            }
            try (var r = c.createStatement().executeQuery("SHOW TABLES LIKE 'case_key'")) {
                assertThat(r.next()).as("no data key in the data's database").isFalse();
            }
        }

        // another tenant's operator path, API and runtime know nothing of it
        as(Role.ADMIN).body(Map.of("reason", "test")).contentType("application/json")
                .post("/api/v1/tenants/" + b + "/cases/" + id + "/erasure").then().statusCode(404).body("field", equalTo("caseId"));
        as(Role.ADMIN).get("/api/v1/tenants/" + b + "/cases/" + id + "/subject-access").then().statusCode(404);
        assertThat(apiB.send("POST", "/api/v1/cases/" + id + "/erasure", "{\"reason\": \"x\"}").status()).isEqualTo(404);
        assertThat(apiB.get("/api/v1/cases/" + id + "/subject-access").status()).isEqualTo(404);

        // subject access: the whole case, readable, to admins only
        as(Role.OPERATOR).get("/api/v1/tenants/" + a + "/cases/" + id + "/subject-access").then().statusCode(403);
        JsonPath access = as(Role.ADMIN).get("/api/v1/tenants/" + a + "/cases/" + id + "/subject-access").then().statusCode(200)
                .extract().jsonPath();
        assertThat(access.getInt("answers.height_cm")).isEqualTo(171);
        assertThat(access.getString("engineDecisions[0].decision.outcome")).isEqualTo("STANDARD");
        String page = as(Role.ADMIN).accept("text/html").get("/api/v1/tenants/" + a + "/cases/" + id + "/subject-access").then()
                .statusCode(200).extract().asString();
        assertThat(page).contains("Your answers", "height_cm", "171");

        // bad input changes nothing
        as(Role.ADMIN).body(Map.of("reason", "")).contentType("application/json").post("/api/v1/tenants/" + a + "/cases/" + id + "/erasure")
                .then().statusCode(400);
        as(Role.ADMIN).body(Map.of("reason", "x")).contentType("application/json").post("/api/v1/tenants/" + a + "/cases/not-a-case/erasure")
                .then().statusCode(400).body("field", equalTo("caseId"));

        JsonNode signed = JSON.readTree(as(Role.ADMIN).body(Map.of("reason", "applicant's request")).contentType("application/json")
                .post("/api/v1/tenants/" + a + "/cases/" + id + "/erasure").then().statusCode(200).extract().asString());
        ErasureReceipt.Signed receipt = JSON.treeToValue(signed, ErasureReceipt.Signed.class);
        String publicKey = as(Role.VIEWER).get("/api/v1/tenants/" + a + "/keys").then().statusCode(200).extract().path("receiptPublicKeyset");
        assertThat(ErasureReceipt.verify(receipt, publicKey)).isTrue();
        String otherTenantsKey = as(Role.VIEWER).get("/api/v1/tenants/" + b + "/keys").then().statusCode(200).extract().path("receiptPublicKeyset");
        assertThat(ErasureReceipt.verify(receipt, otherTenantsKey)).as("each tenant signs with its own key").isFalse();
        assertThat(receipt.receipt().requestedBy()).startsWith("operator:");
        // the runtime's API sees the erasure at once; the integrator gets the same receipt
        var viaApi = JSON.readTree(apiA.get("/api/v1/cases/" + id + "/erasure").body());
        assertThat(viaApi.path("receipt").path("receiptId").asText()).isEqualTo(receipt.receipt().receiptId());
        var erasedCase = JSON.readTree(apiA.get("/api/v1/cases/" + id).body());
        assertThat(erasedCase.path("answers").isEmpty()).isTrue();
        assertThat(erasedCase.path("decision").isNull()).isTrue();
        assertThat(as(Role.OPERATOR).queryParam("tenant", a).get("/api/v1/audit").then().extract().jsonPath()
                .getList("items.action", String.class)).contains("case.erased", "case.subject-access");
    }

    @Test
    void rotationPutsNewDataUnderTheNewKeyWhileOldDataStillReads() throws Exception {
        String a = Api.uniqueId("rota");
        Api.onboard(a);
        MtlsClient api = MtlsClient.of(a, a);
        String before = create(api, "POL-R1", ANSWERS);
        KeyStore store = new KeyStore(a, TenantNames.keyDatabase(a));
        var root = RootKeys.local(secrets.get(TenantNames.rootKeySecret(a)).orElseThrow());
        TenantKeyring old;
        try (Connection c = DriverManager.getConnection(mysqlServer + "/" + TenantNames.database(a), "root", "")) {
            old = TenantKeyring.load(c, root, store).orElseThrow();
        }
        as(Role.ADMIN).post("/api/v1/tenants/" + a + "/keys/rotation").then().statusCode(200).body("keyEncryptionKeys", equalTo(2));

        // the serving runtime takes the new key up within its refresh, with no restart
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).until(() -> {
            String fresh = create(api, null, ANSWERS);
            try (Connection c = DriverManager.getConnection(mysqlServer + "/" + TenantNames.database(a), "root", "")) {
                byte[] wrapped = CaseKeys.find(c, store, fresh).orElseThrow();
                try {
                    CaseKey.open(old, fresh, wrapped);
                    return false;
                } catch (KeyUnavailableException wrappedByTheNewKey) {
                    return true;
                }
            }
        });
        var read = JSON.readTree(api.get("/api/v1/cases/" + before).body());
        assertThat(read.path("answers").path("height_cm").asInt()).as("a case from before the rotation still reads").isEqualTo(171);
    }

    @Test
    void casesPastTheirRetentionAreErasedAndTheCheckSaysSo() throws Exception {
        String a = Api.uniqueId("keep");
        Api.onboard(a);
        MtlsClient api = MtlsClient.of(a, a);
        as(Role.ADMIN).contentType("application/json").body("{\"declined\": 0}").put("/api/v1/tenants/" + a + "/retention").then()
                .statusCode(400).body("field", equalTo("declined"));
        as(Role.ADMIN).contentType("application/json").body("{\"forever\": 3}").put("/api/v1/tenants/" + a + "/retention").then()
                .statusCode(400).body("field", equalTo("forever"));
        as(Role.ADMIN).contentType("application/json").body("{\"declined\": 3, \"accepted\": null}").put("/api/v1/tenants/" + a + "/retention")
                .then().statusCode(200).body("retentionMonths.declined", equalTo(3)).body("retentionMonths.postponed", equalTo(24));

        String oldDecline = create(api, "POL-K1", DECLINED);
        String newDecline = create(api, "POL-K2", DECLINED);
        String oldAccepted = create(api, "POL-K3", ANSWERS);
        try (Connection c = DriverManager.getConnection(mysqlServer + "/" + TenantNames.database(a), "root", "")) {
            c.createStatement().execute("UPDATE case_file SET updated_at = NOW() - INTERVAL 4 MONTH WHERE id IN ('" + oldDecline + "', '"
                    + oldAccepted + "')");
        }
        as(Role.VIEWER).get("/api/v1/tenants/" + a + "/retention/check").then().statusCode(200)
                .body("overdue", hasSize(1)).body("overdue[0].caseId", equalTo(oldDecline)).body("overdue[0].dataClass", equalTo("declined"));

        // the recurring sweep does what the check found, with a receipt per case
        sweep.run();
        as(Role.VIEWER).get("/api/v1/tenants/" + a + "/retention/check").then().statusCode(200).body("overdue", hasSize(0));
        var erased = JSON.readTree(api.get("/api/v1/cases/" + oldDecline + "/erasure").body());
        assertThat(erased.path("receipt").path("requestedBy").asText()).isEqualTo("retention");
        assertThat(erased.path("receipt").path("reason").asText()).contains("declined", "3 months");
        assertThat(JSON.readTree(api.get("/api/v1/cases/" + newDecline).body()).path("answers").path("height_cm").asInt()).isEqualTo(171);
        assertThat(JSON.readTree(api.get("/api/v1/cases/" + oldAccepted).body()).path("answers").path("height_cm").asInt()).isEqualTo(171);
    }

    @Test
    void offboardingExportsReadableDataThenTheRootKeyIsDeletedWhenDue() throws Exception {
        String a = Api.uniqueId("bye");
        Api.onboard(a);
        String id = create(MtlsClient.of(a, a), "POL-B1", ANSWERS);
        String offboard = as(Role.ADMIN).post("/api/v1/tenants/" + a + "/offboard").then().statusCode(202).extract().path("operation.id");
        JsonPath op = Api.awaitOperation(offboard);
        assertThat(op.getString("status")).isEqualTo("SUCCEEDED");
        Path export = Path.of(op.getString("steps[2].outputs.file"));
        try (ZipFile zip = new ZipFile(export.toFile())) {
            String cases = new String(zip.getInputStream(zip.getEntry("case_file.jsonl")).readAllBytes());
            assertThat(cases).as("the export is the insurer's readable copy").contains(id, "height_cm").doesNotContain("tink1:");
        }
        String due = op.getString("steps[3].outputs.rootKeyDeletionDue");
        assertThat(java.time.Instant.parse(due)).isAfter(java.time.Instant.now().plus(Duration.ofDays(29)));
        assertThat(secrets.get(TenantNames.rootKeySecret(a))).as("kept through the waiting period").isPresent();

        sweep.run();
        assertThat(secrets.get(TenantNames.rootKeySecret(a))).as("not due yet").isPresent();
        try (Connection c = DriverManager.getConnection(mysqlServer + "/" + controlPlaneDatabase(), "root", "")) {
            c.createStatement().execute("UPDATE root_key_deletion SET due_at = NOW() - INTERVAL 1 MINUTE WHERE tenant_id = '" + a + "'");
        }
        sweep.run();
        assertThat(secrets.get(TenantNames.rootKeySecret(a))).as("deleted once due").isEmpty();
    }

    @ConfigProperty(name = "undersign.mysql.database")
    String controlPlaneDatabase;

    private String controlPlaneDatabase() {
        return controlPlaneDatabase;
    }
}

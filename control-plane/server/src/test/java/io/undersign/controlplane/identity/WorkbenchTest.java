package io.undersign.controlplane.identity;

import static io.undersign.controlplane.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.undersign.controlplane.security.Role;
import io.undersign.controlplane.support.Api;
import io.undersign.controlplane.support.KeycloakServer;
import io.undersign.controlplane.support.MtlsClient;
import io.undersign.controlplane.support.TestDatabase;
import io.undersign.controlplane.support.Underwriter;
import io.undersign.controlplane.support.WorkbenchProfile;
import io.undersign.controlplane.tenant.TenantNames;
import io.undersign.controlplane.db.MysqlServerResolver;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The underwriters' workbench end to end, with the real identity provider: each tenant gets its own
 * Keycloak realm at onboarding; underwriters sign in through the authorization-code flow at the
 * edge; a referred case is queued, claimed, decided within and beyond authority; four-eyes holds
 * against the maker, a shared group and a delegate; the integrator API shows who decided; a tenant's
 * sign-in is worthless at another tenant; the audit trail's hash chain finds a changed or deleted row.
 */
@QuarkusTest
@TestProfile(WorkbenchProfile.class)
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkbenchTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static String a;
    private static String b;
    private static Map<String, String> passwordsOfA = new HashMap<>();
    private static Map<String, String> passwordsOfB = new HashMap<>();
    private static MtlsClient integratorOfA;

    @BeforeEach
    void tenants() throws Exception {
        if (a == null) {
            a = Api.uniqueId("wba");
            b = Api.uniqueId("wbb");
            Api.onboard(a);
            Api.onboard(b);
            passwordsOfA = demoPasswords(a);
            passwordsOfB = demoPasswords(b);
            integratorOfA = MtlsClient.of(a, a);
        }
    }

    @Test
    @Order(1)
    void onboardingMakesTheTenantsRealmAndTheRuntimeSignsInThere() throws Exception {
        JsonPath identity = as(Role.VIEWER).get("/api/v1/tenants/" + a + "/identity").then().statusCode(200).extract().jsonPath();
        assertThat(identity.getBoolean("configured")).isTrue();
        assertThat(identity.getString("issuer")).isEqualTo(KeycloakServer.URL + "/realms/" + TenantNames.realm(a));
        assertThat(identity.getString("clientSecret")).isNull();

        Underwriter nobody = new Underwriter(a);
        HttpResponse<String> challenge = nobody.get("/workbench");
        assertThat(challenge.statusCode()).isEqualTo(302);
        assertThat(Underwriter.location(challenge)).startsWith(identity.getString("issuer") + "/protocol/openid-connect/auth")
                .contains("code_challenge_method=S256");

        HttpResponse<String> queue = new Underwriter(a).signIn("ada.lovell", passwordsOfA.get("ada.lovell"));
        assertThat(queue.statusCode()).isEqualTo(200);
        assertThat(queue.body()).contains("Cases waiting for an underwriter", "Signed in as Ada Lovell (underwriter)");
    }

    @Test
    @Order(2)
    void aReferredCaseIsQueuedClaimedAndDecidedWithinAuthority() throws Exception {
        String caseId = referredCase(200_000);
        Underwriter ada = signedIn(a, "ada.lovell");
        assertThat(ada.get("/workbench").body()).contains("data-case=\"" + caseId + "\"", "Referred by the engine");
        assertThat(ada.get("/workbench/cases/" + caseId).body()).contains("Claim this case", "Refer to an underwriter");

        assertThat(ada.post("/workbench/cases/" + caseId + "/claim").statusCode()).isEqualTo(303);
        assertThat(ada.get("/workbench/cases/" + caseId).body()).contains("data-testid=\"assignee\">Ada Lovell");
        HttpResponse<String> decided = ada.post("/workbench/cases/" + caseId + "/decisions", "outcome", "RATED", "table", "2",
                "reasonCode", "CLINICAL_JUDGEMENT", "reasonText", "Ten years since the event, normal echo: table 2.");
        assertThat(decided.statusCode()).as(decided.body()).isEqualTo(303);

        JsonNode view = JSON.readTree(integratorOfA.get("/api/v1/cases/" + caseId).body());
        assertThat(view.path("decision").path("outcome").asText()).as("the engine's decision is kept as it was").isEqualTo("REFER");
        assertThat(view.path("finalDecision").path("outcome").asText()).isEqualTo("RATED");
        assertThat(view.path("finalDecision").path("decidedBy").asText()).isEqualTo("underwriter");
        assertThat(view.path("finalDecision").path("underwriter").asText()).isEqualTo("Ada Lovell");
        assertThat(view.path("finalDecision").path("table").asInt()).isEqualTo(2);
        assertThat(ada.get("/workbench").body()).as("decided: out of the queue").doesNotContain(caseId);
        assertThat(ada.get("/workbench").body()).contains("Time to first touch: p50");
    }

    @Test
    @Order(3)
    void aDecisionBeyondAuthorityIsRefusedWithTheLimitNamedOrSentForApproval() throws Exception {
        String caseId = referredCase(400_000);
        Underwriter ada = signedIn(a, "ada.lovell");
        ada.post("/workbench/cases/" + caseId + "/claim");
        HttpResponse<String> refused = ada.post("/workbench/cases/" + caseId + "/decisions", "outcome", "DECLINE",
                "reasonCode", "EVIDENCE_REVIEWED", "reasonText", "Recurrent events.");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("beyond your authority", "the sum assured 400,000 is over your limit of 250,000",
                "needs authority to decline");
        assertThat(JSON.readTree(integratorOfA.get("/api/v1/cases/" + caseId).body()).path("finalDecision").path("decidedBy").asText())
                .as("a refused decision changes nothing").isEqualTo("engine");

        HttpResponse<String> sent = ada.post("/workbench/cases/" + caseId + "/decisions", "outcome", "DECLINE",
                "reasonCode", "EVIDENCE_REVIEWED", "reasonText", "Recurrent events.", "sendForApproval", "on");
        assertThat(sent.statusCode()).isEqualTo(303);
        String page = ada.get("/workbench/cases/" + caseId).body();
        assertThat(page).contains("Waiting for approval").doesNotContain("Approve this decision");
        long review = reviewId(page);
        assertThat(ada.post("/workbench/cases/" + caseId + "/reviews/" + review + "/approve").body())
                .contains("You made this decision; a second person must approve it");

        Underwriter ben = signedIn(a, "ben.okafor");
        assertThat(ben.get("/workbench?reason=AWAITING_APPROVAL").body()).contains(caseId);
        assertThat(ben.post("/workbench/cases/" + caseId + "/reviews/" + review + "/approve").statusCode()).isEqualTo(303);
        JsonNode standing = JSON.readTree(integratorOfA.get("/api/v1/cases/" + caseId).body()).path("finalDecision");
        assertThat(standing.path("outcome").asText()).isEqualTo("DECLINE");
        assertThat(standing.path("underwriter").asText()).isEqualTo("Ada Lovell");
        assertThat(standing.path("approvedBy").asText()).isEqualTo("Ben Okafor");
    }

    /** KIE's bypass (incubator-kie-issues #2059) was group membership: here authority is a person's own, never a group's or a delegate's. */
    @Test
    @Order(4)
    void fourEyesCannotBeBypassedByTheMakerASharedGroupOrADelegate() throws Exception {
        String caseId = referredCase(2_000_000);
        Underwriter ben = signedIn(a, "ben.okafor");
        ben.post("/workbench/cases/" + caseId + "/claim");
        ben.post("/workbench/cases/" + caseId + "/decisions", "outcome", "STANDARD", "reasonCode", "EVIDENCE_REVIEWED",
                "reasonText", "Cardiologist's report is clear.", "sendForApproval", "on");
        long review = reviewId(ben.get("/workbench/cases/" + caseId).body());

        assertThat(ben.post("/workbench/cases/" + caseId + "/reviews/" + review + "/approve").body()).as("the maker")
                .contains("You made this decision");
        Underwriter dev = signedIn(a, "dev.patel");
        assertThat(dev.post("/workbench/cases/" + caseId + "/reviews/" + review + "/approve").body())
                .as("a colleague in the maker's team group, with the maker's own role")
                .contains("beyond your own authority", "the sum assured 2,000,000 is over your limit of 1,000,000");
        // the maker hands the case to a junior colleague: a delegate gets no authority from the maker
        Underwriter ada = signedIn(a, "ada.lovell");
        String adaId = personId(ben.get("/workbench").body(), "Ada Lovell");
        assertThat(ben.post("/workbench/assign", "case", caseId, "person", adaId).statusCode()).isEqualTo(303);
        assertThat(ada.post("/workbench/cases/" + caseId + "/reviews/" + review + "/approve").body()).as("a delegate")
                .contains("beyond your own authority");
        assertThat(JSON.readTree(integratorOfA.get("/api/v1/cases/" + caseId).body()).path("finalDecision").path("decidedBy").asText())
                .isEqualTo("engine");

        Underwriter cleo = signedIn(a, "cleo.marsh");
        assertThat(cleo.post("/workbench/cases/" + caseId + "/reviews/" + review + "/approve").statusCode()).isEqualTo(303);
        JsonNode standing = JSON.readTree(integratorOfA.get("/api/v1/cases/" + caseId).body()).path("finalDecision");
        assertThat(standing.path("outcome").asText()).isEqualTo("STANDARD");
        assertThat(standing.path("approvedBy").asText()).isEqualTo("Cleo Marsh");
    }

    @Test
    @Order(5)
    void aSignInOfOneTenantIsWorthNothingAtAnother() throws Exception {
        String caseOfA = referredCase(100_000);
        Underwriter ada = signedIn(a, "ada.lovell");
        Underwriter intruder = new Underwriter(b);
        intruder.useCookies(ada.cookies());
        HttpResponse<String> atB = intruder.get("/workbench");
        assertThat(atB.statusCode()).as("A's session cookie at B's host").isEqualTo(302);
        assertThat(Underwriter.location(atB)).contains("/realms/" + TenantNames.realm(b) + "/");
        // A's people are not in B's realm
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Underwriter(b).signIn("ada.lovell", passwordsOfA.get("ada.lovell")))
                .hasMessageContaining("did not accept");
        // B's own underwriter cannot see or act on A's case
        Underwriter bensB = signedIn(b, "ben.okafor");
        assertThat(bensB.get("/workbench").body()).doesNotContain(caseOfA);
        assertThat(bensB.get("/workbench/cases/" + caseOfA).statusCode()).isEqualTo(404);
        assertThat(bensB.post("/workbench/cases/" + caseOfA + "/claim").statusCode()).isEqualTo(404);
        assertThat(ada.get("/workbench/cases/" + caseOfA).body()).contains("Claim this case");
    }

    @Test
    @Order(6)
    void badInputIsRefusedFieldByFieldAndChangesNothing() throws Exception {
        String caseId = referredCase(100_000);
        Underwriter ada = signedIn(a, "ada.lovell");
        HttpResponse<String> bad = ada.post("/workbench/cases/" + caseId + "/decisions", "outcome", "RATED", "table", "x",
                "reasonCode", "", "reasonText", "");
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.body()).contains("href=\"#table\"", "href=\"#reasonCode\"", "href=\"#reasonText\"");
        assertThat(ada.get("/workbench?sort=name;DROP").statusCode()).isEqualTo(400);
        assertThat(ada.get("/workbench/cases/" + caseId).body()).contains("No underwriter has decided this case");
    }

    /** Evidence arriving brings a case a person has back for review; a queued case nobody touched is decided straight through. */
    @Test
    @Order(7)
    void evidenceArrivingBringsAPersonsCaseBackAndLetsTheEngineDecideTheRest() throws Exception {
        Underwriter ada = signedIn(a, "ada.lovell");
        try (var provider = io.undersign.controlplane.support.Evidence.simulator(a, io.undersign.evidence.simulator.Behaviour.NORMAL,
                Duration.ofSeconds(4))) {
            String touched = io.undersign.controlplane.support.Evidence.createPending(integratorOfA, "WB-E1").path("id").asText();
            String untouched = io.undersign.controlplane.support.Evidence.createPending(integratorOfA, "WB-E2").path("id").asText();
            String queue = ada.get("/workbench?reason=PENDING_EVIDENCE").body();
            assertThat(queue).contains(touched, untouched);
            ada.get("/workbench/cases/" + touched);
            assertThat(ada.post("/workbench/cases/" + touched + "/claim").statusCode()).isEqualTo(303);

            io.undersign.controlplane.support.Evidence.decidedExactly(integratorOfA, List.of(touched, untouched), 2, Duration.ofSeconds(1));
            String after = ada.get("/workbench").body();
            assertThat(after).as("a person's case comes back, marked").contains("data-case=\"" + touched + "\"", "Evidence arrived for review");
            assertThat(after).as("decided by the engine on its evidence, nobody had touched it").doesNotContain(untouched);

            // more evidence, asked from the workbench, travels through the outbox and the broker like the engine's
            ada.get("/workbench/cases/" + touched);
            assertThat(ada.post("/workbench/cases/" + touched + "/evidence", "type", "blood-profile").statusCode()).isEqualTo(303);
            io.undersign.controlplane.support.Evidence.decidedExactly(integratorOfA, List.of(touched), 3, Duration.ofSeconds(1));
            JsonNode c = JSON.readTree(integratorOfA.get("/api/v1/cases/" + touched).body());
            assertThat(c.path("evidence")).hasSize(2);
            assertThat(ada.get("/workbench/cases/" + touched).body()).contains("workbench.evidence-requested");
        }
    }

    @Test
    @Order(9)
    void theAuditTrailIsHashChainedAndVerificationFindsAChangedOrDeletedRow() throws Exception {
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(300)).until(() -> verify(a).getBoolean("intact")
                && verify(a).getLong("sealedEntries") > 10);
        String server = new MysqlServerResolver(Path.of("target/embedded-mariadb")).resolve() + "/" + TenantNames.database(a);
        String runtimePassword = jakarta.enterprise.inject.spi.CDI.current().select(io.undersign.controlplane.secret.SecretStore.class).get()
                .get(TenantNames.dbPasswordSecret(a)).orElseThrow();
        try (Connection runtime = DriverManager.getConnection(server, TenantNames.databaseUser(a), runtimePassword);
                Statement s = runtime.createStatement()) {
            // the runtime's own database user adds to the trail and can neither change nor remove it
            for (String write : List.of("UPDATE tenant_audit_event SET detail = 'x' WHERE id = 1", "DELETE FROM tenant_audit_event",
                    "DELETE FROM audit_seal", "UPDATE audit_seal SET hash = hash")) {
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> s.executeUpdate(write)).as(write)
                        .hasMessageContaining("command denied");
            }
            assertThat(s.executeUpdate("UPDATE case_file SET version = version WHERE id = 'none'")).as("its other rights stay").isZero();
        }
        try (Connection c = DriverManager.getConnection(server, "root", ""); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE tenant_audit_event SET detail = CONCAT(detail, ' ') WHERE action = 'workbench.approved' ORDER BY id LIMIT 1");
            JsonPath changed = verify(a);
            assertThat(changed.getBoolean("intact")).isFalse();
            assertThat(changed.getList("problems.what", String.class)).anyMatch(w -> w.contains("changed after it was sealed"));
            s.executeUpdate("UPDATE tenant_audit_event SET detail = TRIM(TRAILING ' ' FROM detail) WHERE action = 'workbench.approved'");
            assertThat(verify(a).getBoolean("intact")).as("put back as it was").isTrue();

            s.executeUpdate("DELETE FROM audit_seal WHERE event_id = (SELECT id FROM tenant_audit_event WHERE action = 'workbench.claimed'"
                    + " ORDER BY id LIMIT 1)");
            s.executeUpdate("DELETE FROM tenant_audit_event WHERE action = 'workbench.claimed' ORDER BY id LIMIT 1");
            JsonPath deleted = verify(a);
            assertThat(deleted.getBoolean("intact")).isFalse();
            assertThat(deleted.getList("problems.what", String.class)).anyMatch(w -> w.contains("deleted"));
        }
        assertThat(verify(b).getBoolean("intact")).as("another tenant's trail is its own").isTrue();
    }

    @Test
    @Order(10)
    void offboardingRemovesTheTenantsRealmAndItsPeople() throws Exception {
        String realm = KeycloakServer.URL + "/realms/" + TenantNames.realm(b) + "/.well-known/openid-configuration";
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        java.net.http.HttpRequest discovery = java.net.http.HttpRequest.newBuilder(java.net.URI.create(realm)).build();
        assertThat(http.send(discovery, HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);
        String offboard = as(Role.ADMIN).post("/api/v1/tenants/" + b + "/offboard").then().statusCode(202)
                .extract().path("operation.id");
        JsonPath op = Api.awaitOperation(offboard);
        assertThat(op.getString("status")).isEqualTo("SUCCEEDED");
        assertThat(http.send(discovery, HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(404);
        as(Role.VIEWER).get("/api/v1/tenants/" + b + "/identity").then().statusCode(200)
                .body("configured", org.hamcrest.Matchers.equalTo(false));
        // a retried removal finds nothing to remove and succeeds
        assertThat(jakarta.enterprise.inject.spi.CDI.current().select(io.undersign.controlplane.driver.IdentityRealms.class).get()
                .remove(new io.undersign.controlplane.driver.TenantSpec(b, "B", null, "local", null, null, null, null)).get("result"))
                .isEqualTo("already gone");
    }

    private static JsonPath verify(String tenant) {
        return as(Role.OPERATOR).post("/api/v1/tenants/" + tenant + "/audit-verification").then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, String> demoPasswords(String tenant) {
        JsonPath people = as(Role.ADMIN).post("/api/v1/tenants/" + tenant + "/identity/demo-underwriters").then().statusCode(200)
                .extract().jsonPath();
        Map<String, String> passwords = new HashMap<>();
        List<Map<String, String>> list = people.getList("underwriters");
        list.forEach(u -> passwords.put(u.get("username"), u.get("password")));
        return passwords;
    }

    private static Underwriter signedIn(String tenant, String username) throws Exception {
        Underwriter u = new Underwriter(tenant);
        HttpResponse<String> page = u.signIn(username, (tenant.equals(a) ? passwordsOfA : passwordsOfB).get(username));
        assertThat(page.statusCode()).isEqualTo(200);
        return u;
    }

    /** A case the engine refers: a heart attack five years ago. */
    private static String referredCase(long sumAssured) throws Exception {
        String answers = """
                {"answers": {"date_of_birth": "1980-06-15", "sex": "male", "sum_assured": %d, "term_years": 20,
                 "occupation_class": "1", "height_cm": 178, "weight_kg": 80, "smoker": false,
                 "alcohol_units_per_week": 8, "hazardous_pursuits": [], "travel_advisory": "none", "asthma": false,
                 "diabetes": false, "hypertension": false, "heart_condition": "heart-attack", "cardiac_event_months_ago": 60,
                 "cancer_history": false, "mental_health": "none", "family_history_under_60": 0,
                 "under_investigation": false, "hospital_admissions_12m": 0, "self_harm": "none"}}""".formatted(sumAssured);
        MtlsClient.Response created = integratorOfA.send("POST", "/api/v1/cases", answers);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode c = JSON.readTree(created.body());
        assertThat(c.path("decision").path("outcome").asText()).isEqualTo("REFER");
        return c.path("id").asText();
    }

    private static long reviewId(String page) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("data-review=\"(\\d+)\"").matcher(page);
        long last = -1;
        while (m.find()) {
            last = Long.parseLong(m.group(1));
        }
        assertThat(last).as("a review on the page").isPositive();
        return last;
    }

    private static String personId(String queuePage, String name) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<option value=\"([^\"]+)\">" + name).matcher(queuePage);
        assertThat(m.find()).as(name + " among the people to assign to").isTrue();
        return m.group(1);
    }
}

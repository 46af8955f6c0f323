package io.undersign.controlplane.oncall;

import static io.undersign.controlplane.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.undersign.controlplane.security.Role;
import io.undersign.controlplane.support.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * On-call end to end against the real database, with the local adapters: paging by the rota,
 * escalation after the acknowledgement timeout (2 s in tests), acknowledgement by keypad, by SMS reply
 * and by API, deduplication, SMS topic sync. The rota is global, so the steps run in order.
 */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OncallTest {
    static final String ANA = "+447911123111";
    static final String BEN = "+12015550123";
    static final String CHO = "+81312345678";

    @Test
    @Order(1)
    void withNobodyOnTheRotaAnIncidentIsRecordedAsUnroutedNeverDropped() {
        JsonPath raised = raise("P1", "test-unrouted-" + UUID.randomUUID(), "nobody to call").extract().jsonPath();
        JsonPath shown = await().atMost(Duration.ofSeconds(10)).until(() -> incident(raised.getLong("id")),
                i -> "UNROUTED".equals(i.getString("routing")));
        assertThat(shown.getString("status")).isEqualTo("OPEN");
        assertThat(shown.getList("timeline.kind")).contains("raised", "passed-over", "unrouted");
        assertThat(shown.getList("deliveries")).isEmpty();
    }

    @Test
    @Order(2)
    void badMembersAreRefusedNamingTheFieldAndChangeNothing() {
        member("bad", "Bad", "07911 123456", "Europe/London", false).statusCode(400).body("field", equalTo("phone"));
        member("bad", "Bad", "+44 12", "Europe/London", false).statusCode(400).body("field", equalTo("phone"));
        member("bad", "Bad", ANA, "+01:00", false).statusCode(400).body("field", equalTo("zone"));
        member("bad", "Bad", ANA, "Mars/Olympus", false).statusCode(400).body("field", equalTo("zone"));
        member("Bad Id", "Bad", ANA, "Europe/London", false).statusCode(400).body("field", equalTo("id"));
        member("bad", "Bad\u202Ename", ANA, "Europe/London", false).statusCode(400);
        as(Role.VIEWER).body(Map.of("id", "viewer", "name", "V", "phone", ANA, "zone", "UTC")).post("/api/v1/oncall/members").then().statusCode(403);
        assertThat(as(Role.VIEWER).get("/api/v1/oncall/members").then().statusCode(200).extract().jsonPath().getList("id")).isEmpty();
    }

    @Test
    @Order(3)
    void p1CallsThePrimaryThenTheSecondaryAfterTheTimeoutAndAKeypadOneStopsIt() {
        member("ana", "Ana", "+44 7911 123111", "Europe/London", true).statusCode(201).body("phone", equalTo(ANA));
        member("ben", "Ben", "+1 201 555 0123", "America/New_York", true).statusCode(201);
        member("cho", "Cho", CHO, "Asia/Tokyo", false).statusCode(201);
        member("dup", "Dup", "+44 7911 123 111", "Europe/London", false).statusCode(409).body("field", equalTo("phone"));
        String monday = LocalDate.now(ZoneOffset.UTC).minusDays(14).toString();
        rotation("primary", List.of("ana"), monday).statusCode(200);
        rotation("secondary", List.of("ben"), monday).statusCode(200);
        rotation("manager", List.of("cho"), monday).statusCode(200);
        rotation("tertiary", List.of("cho"), monday).statusCode(400).body("field", equalTo("role"));
        rotation("primary", List.of("nobody"), monday).statusCode(404).body("field", equalTo("members"));
        JsonPath who = as(Role.VIEWER).get("/api/v1/oncall/who").then().statusCode(200).extract().jsonPath();
        assertThat(who.getString("primary.id")).isEqualTo("ana");
        assertThat(who.getString("secondary.id")).isEqualTo("ben");
        assertThat(who.getList("p2.id")).containsExactly("ana", "ben");

        long id = raise("P1", "test-p1-" + UUID.randomUUID(), "the edge is down").statusCode(201).extract().jsonPath().getLong("id");
        JsonPath first = await().atMost(Duration.ofSeconds(5)).until(() -> incident(id), i -> i.getList("deliveries").size() == 1);
        assertThat(first.getString("deliveries[0].channel")).isEqualTo("VOICE");
        assertThat(first.getString("deliveries[0].member")).isEqualTo("ana");
        assertThat(first.getString("deliveries[0].status")).isEqualTo("RINGING");

        JsonPath second = await().atMost(Duration.ofSeconds(6)).until(() -> incident(id), i -> i.getList("deliveries").size() == 2);
        assertThat(second.getList("deliveries.member")).containsExactly("ana", "ben");
        assertThat(second.getList("deliveries.status")).containsExactly("NO_ANSWER", "RINGING");
        Duration gap = Duration.between(Instant.parse(second.getString("deliveries[0].createdAt")), Instant.parse(second.getString("deliveries[1].createdAt")));
        assertThat(gap).isBetween(Duration.ofSeconds(2), Duration.ofMillis(3500));

        as(Role.OPERATOR).body(Map.of("keypad", "1")).post("/api/v1/oncall/calls/" + second.getString("deliveries[1].id") + "/answer")
                .then().statusCode(200).body("status", equalTo("ACKNOWLEDGED"));
        JsonPath acked = incident(id);
        assertThat(acked.getString("status")).isEqualTo("ACKNOWLEDGED");
        assertThat(acked.getString("acknowledgedBy")).isEqualTo("Ben");
        sleep(3000);
        assertThat(incident(id).getList("deliveries")).as("no call after the acknowledgement").hasSize(2);
    }

    @Test
    @Order(4)
    void aHundredIdenticalAlertsMakeOneIncidentAndOnePage() {
        String key = "test-storm-" + UUID.randomUUID();
        long id = raise("P2", key, "storm").statusCode(201).extract().jsonPath().getLong("id");
        for (int i = 1; i < 100; i++) {
            raise("P2", key, "storm").statusCode(200).body("id", equalTo((int) id));
        }
        JsonPath shown = await().atMost(Duration.ofSeconds(5)).until(() -> incident(id), i -> i.getList("deliveries").size() >= 2);
        assertThat(shown.getInt("occurrences")).isEqualTo(100);
        assertThat(shown.getString("routing")).as("a repeat never undoes what paging recorded").isEqualTo("PAGED");
        sleep(1000);
        assertThat(incident(id).getList("deliveries.member")).as("one text to each P2 subscriber, once").containsExactlyInAnyOrder("ana", "ben");
        as(Role.OPERATOR).post("/api/v1/incidents/" + id + "/ack").then().statusCode(200).body("status", equalTo("ACKNOWLEDGED"));
        as(Role.OPERATOR).post("/api/v1/incidents/" + id + "/ack").then().statusCode(200);
        as(Role.OPERATOR).body(Map.of("note", "fixed")).post("/api/v1/incidents/" + id + "/resolve").then().statusCode(200).body("status", equalTo("RESOLVED"));
        as(Role.OPERATOR).post("/api/v1/incidents/" + id + "/ack").then().statusCode(409);
        long again = raise("P2", key, "storm again").statusCode(201).extract().jsonPath().getLong("id");
        assertThat(again).as("a new incident once resolved").isNotEqualTo(id);
        as(Role.OPERATOR).body(Map.of()).post("/api/v1/incidents/" + again + "/resolve").then().statusCode(200);
        raise("P3", key, "x").statusCode(400).body("field", containsString("priority"));
        as(Role.OPERATOR).post("/api/v1/incidents/" + (id + 1_000_000) + "/ack").then().statusCode(404);
    }

    @Test
    @Order(5)
    void p2TextsTheSubscribersAndAnAckReplyFromAMemberAcknowledges() {
        JsonPath raised = raise("P2", "test-p2-" + UUID.randomUUID(), "dead letters growing").statusCode(201).extract().jsonPath();
        long id = raised.getLong("id");
        String code = raised.getString("ackCode");
        JsonPath texted = await().atMost(Duration.ofSeconds(5)).until(() -> incident(id), i -> i.getList("deliveries").size() == 2);
        assertThat(texted.getList("deliveries.channel")).containsOnly("SMS");
        assertThat(texted.getList("deliveries.member")).containsExactlyInAnyOrder("ana", "ben");

        // from a number not on the rota: nothing changes
        inbound(pinpoint("+14255550182", "ACK " + code)).statusCode(200).body("outcome", equalTo("UNKNOWN_SENDER"));
        assertThat(incident(id).getString("status")).isEqualTo("OPEN");
        // malformed: refused, never forwarded
        inbound("{\"originationNumber\":\"" + ANA + "\"}").statusCode(400).body("field", equalTo("destinationNumber"));
        inbound("not json").statusCode(400);
        // a plain text from a member is forwarded, its body alone
        inbound(pinpoint(BEN, "looking at it")).statusCode(200).body("outcome", equalTo("FORWARDED"));
        assertThat(deliveries()).filteredOn(d -> "forwarded from Ben".equals(d.get("detail")))
                .extracting(d -> d.get("member")).containsExactlyInAnyOrder("ana", "ben");
        // the acknowledgement, sent twice by SNS: applied once
        String event = pinpoint(ANA, "ack " + code.toLowerCase());
        inbound(event).statusCode(200).body("outcome", equalTo("ACKNOWLEDGED"));
        inbound(event).statusCode(200).body("outcome", equalTo("DUPLICATE"));
        JsonPath acked = incident(id);
        assertThat(acked.getString("status")).isEqualTo("ACKNOWLEDGED");
        assertThat(acked.getString("acknowledgedBy")).isEqualTo("Ana");
        inbound(pinpoint(ANA, "ACK ZZZZZZ")).statusCode(200).body("outcome", equalTo("UNKNOWN_CODE"));
    }

    @Test
    @Order(6)
    void theSmsTopicFollowsTheP2SubscribersAndASecondSyncChangesNothing() {
        as(Role.OPERATOR).body(Map.of("p2", false)).put("/api/v1/oncall/members/ben").then().statusCode(200).body("p2", equalTo(false));
        as(Role.OPERATOR).body(Map.of("p2", true)).put("/api/v1/oncall/members/cho").then().statusCode(200);
        JsonPath sync = as(Role.OPERATOR).post("/api/v1/oncall/sync").then().statusCode(200).extract().jsonPath();
        assertThat(sync.getList("subscribed")).isEmpty();
        assertThat(sync.getList("unsubscribed")).isEmpty();
        assertThat(sync.getInt("subscriptions")).isEqualTo(2);
        LocalSubscriptions subs = new LocalSubscriptions();
        assertThat(subs.phones()).containsExactlyInAnyOrder(ANA, CHO);
        as(Role.OPERATOR).post("/api/v1/oncall/sync").then().statusCode(200).body("subscribed.size()", equalTo(0)).body("unsubscribed.size()", equalTo(0));
        assertThat(subs.phones()).containsExactlyInAnyOrder(ANA, CHO);
        as(Role.OPERATOR).delete("/api/v1/oncall/members/ana").then().statusCode(409).body("detail", containsString("rotation"));
    }

    @Test
    @Order(7)
    void overridesAndSwapsChangeWhoIsOnCall() {
        Instant now = Instant.now();
        as(Role.OPERATOR).body(Map.of("role", "primary", "member", "cho", "from", now.minusSeconds(60).toString(), "to", now.plusSeconds(3600).toString(),
                "reason", "Ana at the dentist")).post("/api/v1/oncall/overrides").then().statusCode(201);
        assertThat(as(Role.VIEWER).get("/api/v1/oncall/who").then().extract().jsonPath().getString("primary.id")).isEqualTo("cho");
        assertThat(as(Role.VIEWER).queryParam("at", now.plusSeconds(7200).toString()).get("/api/v1/oncall/who").then().extract().jsonPath()
                .getString("primary.id")).isEqualTo("ana");
        as(Role.OPERATOR).body(Map.of("role", "primary", "member", "cho", "from", now.toString(), "to", now.minusSeconds(1).toString()))
                .post("/api/v1/oncall/overrides").then().statusCode(400).body("field", equalTo("to"));
        as(Role.OPERATOR).body(Map.of("role", "secondary", "member", "ben", "with", "ana", "from", now.plusSeconds(7200).toString(),
                "to", now.plusSeconds(10800).toString(), "reason", "trade")).post("/api/v1/oncall/swaps").then().statusCode(201);
        JsonPath later = as(Role.VIEWER).queryParam("at", now.plusSeconds(9000).toString()).get("/api/v1/oncall/who").then().extract().jsonPath();
        assertThat(later.getString("secondary.id")).isEqualTo("ana");
        JsonPath rota = as(Role.VIEWER).get("/api/v1/oncall/rota").then().statusCode(200).extract().jsonPath();
        assertThat(rota.getList("gaps")).isEmpty();
        assertThat(as(Role.OPERATOR).queryParam("limit", 200).get("/api/v1/audit").then().extract().jsonPath().getList("items.action", String.class))
                .contains("oncall.member.create", "oncall.rotation.set", "oncall.override.create", "oncall.swap", "incident.raise");
    }

    @Test
    @Order(8)
    void theCliShowsTheRotaAndLetsAPersonAnswerACallAndReplyToAText() throws Exception {
        Run who = cli(Role.VIEWER, "oncall", "who");
        assertThat(who.exit()).as(who.err()).isZero();
        assertThat(who.out()).contains("primary    Cho (cho").contains("P2 texts   Ana, Cho");
        Run bad = cli(Role.OPERATOR, "oncall", "members", "add", "eve", "--name", "Eve", "--phone", "12345", "--zone", "Europe/Paris");
        assertThat(bad.exit()).isEqualTo(3);
        assertThat(bad.err().strip()).doesNotContain("\n").contains("phone");
        assertThat(cli(Role.VIEWER, "oncall", "members").out()).doesNotContain("eve");

        Run raised = cli(Role.OPERATOR, "incidents", "raise", "--priority", "P1", "--key", "test-cli-" + UUID.randomUUID(), "--summary", "api 5xx", "-o", "json");
        assertThat(raised.exit()).as(raised.err()).isZero();
        JsonPath incident = new JsonPath(raised.out());
        long id = incident.getLong("id");
        JsonPath ringing = await().atMost(Duration.ofSeconds(5)).until(() -> incident(id), i -> i.getList("deliveries").size() == 1);
        Run answered = cli(Role.OPERATOR, "oncall", "answer", ringing.getString("deliveries[0].id"), "--keypad", "9");
        assertThat(answered.out()).contains("ANSWERED");
        assertThat(incident(id).getString("status")).as("9 is not an acknowledgement").isEqualTo("OPEN");
        Run reply = cli(Role.OPERATOR, "oncall", "reply", "--from", ANA, "ACK " + incident.getString("ackCode"));
        assertThat(reply.out()).startsWith("ACKNOWLEDGED");
        Run shown = cli(Role.VIEWER, "incidents", "show", String.valueOf(id));
        assertThat(shown.out()).contains("ACKNOWLEDGED").contains("acknowledged by Ana (SMS reply)").contains("VOICE");
        assertThat(cli(Role.VIEWER, "incidents", "list", "--status", "all").out()).contains("test-cli-");
        assertThat(cli(Role.VIEWER, "oncall", "spend").out()).contains("USD of 50.00 USD");
        Run sync = cli(Role.OPERATOR, "oncall", "sync");
        assertThat(sync.out()).contains("Subscribed 0, unsubscribed 0; 2 subscription(s)");
    }

    @Test
    @Order(9)
    void theLocalPhonePageShowsRingingCallsAndAnswersThemFromItsOwnOriginOnly() {
        io.restassured.RestAssured.given().redirects().follow(false).get("/oncall/phone").then().statusCode(401)
                .header("WWW-Authenticate", containsString("Basic"));
        member("eve", "Eve <b>bold</b>", "+33612345678", "Europe/Paris", false).statusCode(201);
        long id = raise("P1", "test-page-" + UUID.randomUUID(), "disk <full>").statusCode(201).extract().jsonPath().getLong("id");
        JsonPath ringing = await().atMost(Duration.ofSeconds(5)).until(() -> incident(id), i -> i.getList("deliveries").size() == 1);
        String call = ringing.getString("deliveries[0].id");
        String page = browser(Role.VIEWER).get("/oncall/phone").then().statusCode(200).contentType(containsString("text/html"))
                .header("Content-Security-Policy", containsString("default-src 'none'")).extract().asString();
        assertThat(page).contains("value=\"" + call + "\"").contains("disk &lt;full&gt;").contains("Eve &lt;b&gt;bold&lt;/b&gt;")
                .doesNotContain("<b>bold</b>").contains("<label for=\"text\">");

        browser(Role.OPERATOR).header("Origin", "https://attacker.example").formParam("delivery", call).formParam("keypad", "1")
                .post("/oncall/phone/answer").then().statusCode(403);
        browser(Role.OPERATOR).formParam("delivery", call).formParam("keypad", "1").post("/oncall/phone/answer").then().statusCode(403);
        assertThat(incident(id).getString("status")).isEqualTo("OPEN");
        browser(Role.VIEWER).header("Origin", "http://127.0.0.1:18080").formParam("delivery", call).formParam("keypad", "1")
                .post("/oncall/phone/answer").then().statusCode(403);
        browser(Role.OPERATOR).header("Origin", "http://127.0.0.1:18080").formParam("delivery", call).formParam("keypad", "1")
                .post("/oncall/phone/answer").then().statusCode(303);
        assertThat(incident(id).getString("status")).isEqualTo("ACKNOWLEDGED");
        browser(Role.OPERATOR).header("Origin", "http://127.0.0.1:18080").formParam("from", ANA).formParam("text", "on it")
                .post("/oncall/phone/reply").then().statusCode(303).header("Location", containsString("forwarded"));
    }

    @Test
    @Order(10)
    void aP2AboutWhatAnOpenP1CoversIsRecordedButNotPaged() {
        String subject = "inh-" + UUID.randomUUID().toString().substring(0, 6);
        long p1 = raise("P1", "runtime-down:" + subject, "runtime of " + subject + " down").statusCode(201).extract().jsonPath().getLong("id");
        await().atMost(Duration.ofSeconds(5)).until(() -> incident(p1), i -> i.getList("deliveries").size() == 1);
        as(Role.OPERATOR).post("/api/v1/incidents/" + p1 + "/ack").then().statusCode(200);
        long p2 = raise("P2", "dead-letters:" + subject, "dead letters of " + subject).statusCode(201).extract().jsonPath().getLong("id");
        JsonPath inhibited = await().atMost(Duration.ofSeconds(5)).until(() -> incident(p2), i -> "INHIBITED".equals(i.getString("routing")));
        assertThat(inhibited.getList("deliveries")).isEmpty();
        assertThat(inhibited.getList("timeline.detail", String.class)).anyMatch(d -> d.contains("incident " + p1));
        assertThat(inhibited.getString("status")).as("shown, still open").isEqualTo("OPEN");
        // another subject is paged as usual
        long other = raise("P2", "dead-letters:other-" + subject, "dead letters elsewhere").statusCode(201).extract().jsonPath().getLong("id");
        assertThat(await().atMost(Duration.ofSeconds(5)).until(() -> incident(other), i -> "PAGED".equals(i.getString("routing"))).getList("deliveries"))
                .isNotEmpty();
        for (long id : List.of(p1, p2, other)) {
            as(Role.OPERATOR).body(Map.of()).post("/api/v1/incidents/" + id + "/resolve").then().statusCode(200);
        }
    }

    /** A browser signed in with HTTP Basic: any user name, the API token as the password; not following redirects. */
    static io.restassured.specification.RequestSpecification browser(Role role) {
        return io.restassured.RestAssured.given().redirects().follow(false).auth().preemptive()
                .basic("operator", io.undersign.controlplane.support.Api.token(role));
    }

    record Run(int exit, String out, String err) {
    }

    static Run cli(Role role, String... args) {
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        var cli = io.undersign.cli.Undersign.commandLine();
        cli.setOut(new java.io.PrintWriter(out));
        cli.setErr(new java.io.PrintWriter(err));
        List<String> full = new java.util.ArrayList<>(List.of(args));
        full.addAll(List.of("--api-url", "http://127.0.0.1:18080", "--token", io.undersign.controlplane.support.Api.token(role)));
        return new Run(cli.execute(full.toArray(String[]::new)), out.toString(), err.toString());
    }

    static io.restassured.response.ValidatableResponse raise(String priority, String key, String summary) {
        return as(Role.OPERATOR).body(Map.of("priority", priority, "key", key, "summary", summary)).post("/api/v1/incidents").then();
    }

    static JsonPath incident(long id) {
        return as(Role.VIEWER).get("/api/v1/incidents/" + id).then().statusCode(200).extract().jsonPath();
    }

    static List<Map<String, Object>> deliveries() {
        return as(Role.VIEWER).get("/api/v1/oncall/deliveries").then().statusCode(200).extract().jsonPath().getList("$");
    }

    static io.restassured.response.ValidatableResponse member(String id, String name, String phone, String zone, boolean p2) {
        return as(Role.OPERATOR).body(Map.of("id", id, "name", name, "phone", phone, "zone", zone, "p2", p2)).post("/api/v1/oncall/members").then();
    }

    static io.restassured.response.ValidatableResponse rotation(String role, List<String> members, String first) {
        return as(Role.OPERATOR).body(Map.of("members", members, "firstHandover", first, "handoverTime", "09:00", "zone", "Europe/London"))
                .put("/api/v1/oncall/rotations/" + role).then();
    }

    static io.restassured.response.ValidatableResponse inbound(String event) {
        return as(Role.OPERATOR).body(event).post("/api/v1/oncall/sms/inbound").then();
    }

    /** A two-way SMS event as Pinpoint publishes it. */
    static String pinpoint(String from, String body) {
        return "{\"originationNumber\":\"" + from + "\",\"destinationNumber\":\"+12125550101\",\"messageKeyword\":\"KEYWORD_1\","
                + "\"messageBody\":\"" + body + "\",\"inboundMessageId\":\"" + UUID.randomUUID() + "\",\"previousPublishedMessageId\":\"m-1\"}";
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The local SMS topic's subscriptions, read from the control plane's database. */
    static final class LocalSubscriptions {
        List<String> phones() {
            return jakarta.enterprise.inject.spi.CDI.current().select(io.undersign.controlplane.oncall.SmsTopic.class).get().subscriptions().stream().toList();
        }
    }
}

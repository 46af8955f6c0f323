package io.undersign.runtime.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.undersign.runtime.support.Answers;
import io.undersign.runtime.support.TenantStack;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The integrator API on the runtime itself (the edge's mutual TLS is tested with the control plane). */
@QuarkusTest
@QuarkusTestResource(TenantStack.class)
class CaseApiTest {

    private static Response create(String body, String idempotencyKey) {
        var request = given().contentType(ContentType.JSON).body(body);
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return request.post("/api/v1/cases");
    }

    @Test
    void aCaseIsDecidedStraightThroughAndReadsBackAsAnswered() {
        Response created = create(Answers.caseBody("POL-1", Answers.STANDARD), null);
        created.then().statusCode(201).header("Location", startsWith("/api/v1/cases/")).header("X-Request-Id", notNullValue())
                .body("status", equalTo("DECIDED")).body("channel", equalTo("api")).body("decision.outcome", equalTo("STANDARD"))
                .body("decisions", equalTo(1));
        String id = created.path("id");
        given().get("/api/v1/cases/" + id).then().statusCode(200).body("reference", equalTo("POL-1"))
                .body("decision.outcome", equalTo("STANDARD")).body("answers.sum_assured", equalTo(250000));
    }

    @Test
    void changedAnswersAreDecidedAgainAndJoinTheHistory() {
        String id = create(Answers.caseBody("POL-2", Answers.STANDARD), null).then().statusCode(201).extract().path("id");
        given().contentType(ContentType.JSON).body("{\"answers\": {\"smoker\": true, \"cigarettes_per_day\": 30}}")
                .patch("/api/v1/cases/" + id + "/answers").then().statusCode(200).body("decisions", equalTo(2))
                .body("decision.outcome", equalTo("RATED"));
    }

    @Test
    void aCaseThatNeedsEvidenceAsksForItOnce() {
        String id = create(Answers.caseBody("POL-3", Answers.NEEDS_BLOOD), null).then().statusCode(201)
                .body("decision.outcome", equalTo("PENDING_EVIDENCE")).body("evidence[0].type", equalTo("blood-profile"))
                .body("evidence[0].status", equalTo("REQUESTED")).extract().path("id");
        // deciding again while it waits asks for nothing new
        given().contentType(ContentType.JSON).body("{\"answers\": {\"alcohol_units_per_week\": 10}}")
                .patch("/api/v1/cases/" + id + "/answers").then().statusCode(200).body("evidence.size()", equalTo(1));
    }

    @Test
    void theSameKeyAndRequestGiveTheSameCaseAndAnotherRequestIsRefused() {
        String key = "key-" + UUID.randomUUID();
        String first = create(Answers.caseBody("POL-K", Answers.STANDARD), key).then().statusCode(201).extract().path("id");
        String again = create(Answers.caseBody("POL-K", Answers.STANDARD), key).then().statusCode(201).extract().path("id");
        assertThat(again).isEqualTo(first);
        create(Answers.caseBody("POL-OTHER", Answers.STANDARD), key).then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://undersign.io/problems/idempotency-key-reused")).body("field", equalTo("Idempotency-Key"));
        create(Answers.caseBody("POL-K", Answers.STANDARD), "k".repeat(129)).then().statusCode(400)
                .contentType("application/problem+json").body("field", equalTo("Idempotency-Key"));
    }

    @Test
    void casesPageNewestFirstByCursorWithNoneTwiceAndNoneLeftOut() {
        Set<String> made = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            made.add(create(Answers.caseBody("POL-P" + i, Answers.STANDARD), null).then().statusCode(201).extract().path("id"));
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.get("/api/v1/cases").then().statusCode(200).extract().jsonPath();
            assertThat(page.getList("items")).hasSizeLessThanOrEqualTo(2);
            seen.addAll(page.getList("items.id"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertThat(seen).doesNotHaveDuplicates().containsAll(made);
        given().queryParam("cursor", "not-a-cursor").get("/api/v1/cases").then().statusCode(400).body("field", equalTo("cursor"));
        given().queryParam("limit", "abc").get("/api/v1/cases").then().statusCode(400).body("field", equalTo("limit"));
    }

    @Test
    void badInputIsAProblemNamingTheFieldAndChangesNothing() {
        int before = given().queryParam("limit", 200).get("/api/v1/cases").then().extract().jsonPath().getList("items").size();
        create("{\"reference\": \"X\", \"answers\": {}, \"surprise\": 1}", null).then().statusCode(400)
                .contentType("application/problem+json").body("type", equalTo("https://undersign.io/problems/unknown-field"))
                .body("field", equalTo("surprise"));
        create("{\"reference\": \"X\", \"reference\": \"Y\", \"answers\": {}}", null).then().statusCode(400)
                .body("type", equalTo("https://undersign.io/problems/malformed-body"));
        create("{\"reference\": 12, \"answers\": " + Answers.STANDARD + "}", null).then().statusCode(400).body("field", equalTo("reference"));
        create(Answers.caseBody("X", Answers.STANDARD.replace("\"term_years\": 25", "\"term_years\": 250")), null).then().statusCode(422)
                .body("type", equalTo("https://undersign.io/problems/answers-rejected")).body("field", equalTo("term_years"))
                .body("title", equalTo("Answers not accepted by rulebook term-life-uk 2026.12.1"))
                .body("errors[0].field", equalTo("term_years"));
        create("{\"answers\": ", null).then().statusCode(400).body("field", equalTo("body"));
        given().get("/api/v1/cases/AAAAAAAAAAAAAAAAAAAAAA").then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("https://undersign.io/problems/case-not-found"));
        assertThat(given().queryParam("limit", 200).get("/api/v1/cases").then().extract().jsonPath().getList("items")).hasSize(before);
    }

    @jakarta.inject.Inject
    io.undersign.runtime.support.SettableClock clock;

    @Test
    void aCaseWithoutAnApplicationDateIsDatedTodayByTheRuntimesClock() {
        clock.set(java.time.Instant.parse("2026-03-01T23:59:59Z"));
        try {
            create(Answers.caseBody("POL-D", Answers.STANDARD), null).then().statusCode(201)
                    .body("applicationDate", equalTo("2026-03-01")).body("createdAt", equalTo("2026-03-01T23:59:59Z"));
        } finally {
            clock.reset();
        }
    }

    @Test
    void everyAnswerCarriesTheCallersRequestId() {
        given().header("X-Request-Id", "integrator-42").get("/api/v1/cases/nope").then().statusCode(404)
                .header("X-Request-Id", "integrator-42").body("requestId", equalTo("integrator-42"));
    }
}

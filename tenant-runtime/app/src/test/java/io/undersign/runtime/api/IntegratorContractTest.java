package io.undersign.runtime.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.undersign.http.testing.OpenApiContract;
import io.undersign.runtime.support.Answers;
import io.undersign.runtime.support.TenantStack;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The integrator API as its own OpenAPI document describes it: a contract a client generator can
 * use (types, enums, errors, security, examples), and every real answer documented and valid.
 */
@QuarkusTest
@QuarkusTestResource(TenantStack.class)
class IntegratorContractTest {

    private static OpenApiContract contract() throws Exception {
        return new OpenApiContract(given().get("/q/openapi?format=json").then().statusCode(200).extract().asString());
    }

    private static void conforms(OpenApiContract contract, String method, String template, Response response, int expected) throws Exception {
        contract.conforms(method, template, response.statusCode(), response.contentType(), response.asString(), expected);
    }

    @Test
    void theDocumentIsAContractAGeneratorCanUse() throws Exception {
        var doc = contract().document();
        assertThat(doc.path("openapi").asText()).startsWith("3.1");
        assertThat(doc.at("/servers/0/url").asText()).isEqualTo("https://api.uw.rt-test.localhost:8444");
        assertThat(doc.at("/components/securitySchemes/mutualTLS/type").asText()).isEqualTo("mutualTLS");
        assertThat(doc.at("/security/0").has("mutualTLS")).isTrue();
        assertThat(doc.at("/paths/~1api~1v1~1cases/post/responses/201/headers/Location").isMissingNode()).isFalse();
        assertThat(doc.at("/paths/~1api~1v1~1cases/post/responses/200").isMissingNode()).as("create answers 201, not 200").isTrue();
        assertThat(doc.at("/paths/~1api~1v1~1cases/post/responses/422/content/application~1problem+json").isMissingNode()).isFalse();
        assertThat(doc.at("/components/schemas/CaseView/properties/decision").toString()).as("the decision is typed, not 'any'")
                .contains("outcome").contains("explanation").contains("#/components/schemas/Outcome");
        assertThat(doc.at("/components/schemas/Outcome/enum").toString()).contains("STANDARD").contains("REFER").contains("DECLINE");
        assertThat(doc.at("/components/schemas/CaseStatus/enum").toString()).contains("OPEN").contains("DECIDED");
        assertThat(doc.at("/components/schemas/CaseView/properties/answers/additionalProperties/oneOf").size()).isEqualTo(4);
        assertThat(doc.at("/components/schemas/CreateCase/examples/0/answers/date_of_birth").asText()).isEqualTo("1990-06-15");
        doc.get("paths").fields().forEachRemaining(p -> p.getValue().fields().forEachRemaining(op ->
                assertThat(op.getValue().path("operationId").asText()).as(op.getKey() + " " + p.getKey()).isNotBlank()));
    }

    @Test
    void everyAnswerIsDocumentedAndMatchesItsSchema() throws Exception {
        OpenApiContract contract = contract();
        String reference = "POL-C-" + UUID.randomUUID();
        Response created = given().contentType(ContentType.JSON).body(Answers.caseBody(reference, Answers.STANDARD)).post("/api/v1/cases");
        conforms(contract, "post", "/api/v1/cases", created, 201);
        String id = created.path("id");
        conforms(contract, "post", "/api/v1/cases", given().contentType(ContentType.JSON).body(Answers.caseBody(reference, Answers.STANDARD))
                .post("/api/v1/cases"), 409);
        conforms(contract, "post", "/api/v1/cases", given().contentType(ContentType.JSON).body("{\"answers\": {\"term_years\": 500}}")
                .post("/api/v1/cases"), 422);
        conforms(contract, "post", "/api/v1/cases", given().contentType(ContentType.JSON).body("{\"answers\": 1}").post("/api/v1/cases"), 400);
        conforms(contract, "post", "/api/v1/cases", given().contentType(ContentType.JSON).body(Answers.caseBody("POL-N-" + UUID.randomUUID(),
                Answers.NEEDS_BLOOD)).post("/api/v1/cases"), 201);
        conforms(contract, "get", "/api/v1/cases/{id}", given().get("/api/v1/cases/" + id), 200);
        conforms(contract, "get", "/api/v1/cases/{id}", given().get("/api/v1/cases/AAAAAAAAAAAAAAAAAAAAAA"), 404);
        conforms(contract, "patch", "/api/v1/cases/{id}/answers", given().contentType(ContentType.JSON)
                .body("{\"answers\": {\"smoker\": true, \"cigarettes_per_day\": 20}}").patch("/api/v1/cases/" + id + "/answers"), 200);
        conforms(contract, "get", "/api/v1/cases", given().queryParam("limit", 2).get("/api/v1/cases"), 200);
        conforms(contract, "get", "/api/v1/cases", given().queryParam("stauts", "OPEN").get("/api/v1/cases"), 400);
        conforms(contract, "get", "/api/v1/rulebook/questions", given().get("/api/v1/rulebook/questions"), 200);
        conforms(contract, "get", "/api/v1/service", given().get("/api/v1/service"), 200);
        conforms(contract, "post", "/api/v1/evaluations", given().contentType(ContentType.JSON).body("{\"answers\": " + Answers.STANDARD + "}")
                .post("/api/v1/evaluations"), 200);
        conforms(contract, "post", "/api/v1/evaluations", given().contentType(ContentType.JSON).body("{\"answers\": {\"term_years\": 500}}")
                .post("/api/v1/evaluations"), 422);
        assertThat(contract.checked()).hasSize(14);
    }

    @Test
    void listsFilterByWhatIntegratorsNeedAndRefuseWhatTheyCannot() {
        String reference = "POL-F-" + UUID.randomUUID();
        given().contentType(ContentType.JSON).body(Answers.caseBody(reference, Answers.NEEDS_BLOOD)).post("/api/v1/cases").then().statusCode(201);
        given().queryParam("reference", reference).get("/api/v1/cases").then().statusCode(200)
                .body("items.size()", equalTo(1)).body("items[0].reference", equalTo(reference));
        var pending = given().queryParam("outcome", "pending_evidence").queryParam("limit", 200).get("/api/v1/cases").then().statusCode(200)
                .extract().jsonPath();
        assertThat(pending.getList("items.decision.outcome", String.class)).isNotEmpty().allMatch("PENDING_EVIDENCE"::equals);
        assertThat(given().queryParam("status", "OPEN").queryParam("limit", 200).get("/api/v1/cases").then().statusCode(200).extract()
                .jsonPath().getList("items.status", String.class)).allMatch("OPEN"::equals);
        assertThat(given().queryParam("createdFrom", "2999-01-01T00:00:00Z").get("/api/v1/cases").then().statusCode(200).extract()
                .jsonPath().getList("items")).isEmpty();
        given().queryParam("status", "SHUT").get("/api/v1/cases").then().statusCode(400).body("field", equalTo("status"));
        given().queryParam("createdTo", "yesterday").get("/api/v1/cases").then().statusCode(400).body("field", equalTo("createdTo"));
        given().queryParam("stauts", "OPEN").get("/api/v1/cases").then().statusCode(400).body("field", equalTo("stauts"))
                .body("detail", org.hamcrest.Matchers.containsString("known: createdFrom, createdTo, cursor, limit, outcome, reference, status"));
    }

    @Test
    void theServiceSaysWhichBuildAndRulebookAnswerAndAnEvaluationStoresNothing() throws Exception {
        var service = given().get("/api/v1/service").then().statusCode(200).extract().jsonPath();
        assertThat(service.getString("buildId")).startsWith(service.getString("version") + "+").doesNotContain("${");
        assertThat(service.getString("rulebookVersion")).isEqualTo("2026.12.1");
        assertThat(service.getString("tenant")).isEqualTo("rt-test");
        int before = given().queryParam("limit", 200).get("/api/v1/cases").then().extract().jsonPath().getList("items").size();
        var evaluated = given().contentType(ContentType.JSON).body("{\"answers\": " + Answers.NEEDS_BLOOD + "}").post("/api/v1/evaluations")
                .then().statusCode(200).extract().jsonPath();
        assertThat(evaluated.getString("decision.outcome")).isEqualTo("PENDING_EVIDENCE");
        assertThat(evaluated.getString("rulebookVersion")).isEqualTo("2026.12.1");
        assertThat(given().queryParam("limit", 200).get("/api/v1/cases").then().extract().jsonPath().getList("items")).hasSize(before);
    }

    @Test
    void theQuestionsAreThereToBuildAFormFrom() {
        var questions = given().get("/api/v1/rulebook/questions").then().statusCode(200).extract().jsonPath();
        assertThat(questions.getString("rulebookId")).isEqualTo("term-life-uk");
        assertThat(questions.getList("questions.id", String.class)).startsWith("date_of_birth", "sex", "sum_assured");
        int cigarettes = questions.getList("questions.id", String.class).indexOf("cigarettes_per_day");
        assertThat(questions.getString("questions[" + cigarettes + "].askWhen")).isEqualTo("smoker");
        assertThat(questions.getString("questions[" + cigarettes + "].type")).isEqualTo("integer");
        assertThat(questions.getList("questions[1].options.value", String.class)).containsExactly("female", "male");
    }
}

package io.undersign.runtime.api;

import io.undersign.http.OpenApiConventions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Makes the integrator API's document a contract a generator can use: where the API is (the
 * tenant's api. host), how callers prove who they are (mutual TLS, the only door the edge or the
 * load balancer opens), every problem+json answer each operation can give, answers typed as the
 * values they may be, and an example case.
 */
public class IntegratorOpenApiFilter implements OASFilter {
    private static final String MTLS = "mutualTLS";

    /** The engine's records carry no OpenAPI annotations (it is plain Java): what they may leave null, said here. */
    private static final Map<String, List<String>> ENGINE_NULLABLE = Map.of(
            "Decision", List.of("rating", "postponeMonths"),
            "Firing", List.of("decision", "postponeMonths", "exclusion"));

    @Override
    public void filterOpenAPI(OpenAPI api) {
        ENGINE_NULLABLE.forEach((schema, properties) -> properties.forEach(property -> nullable(component(api, schema), property)));
        // the case's decision is written inline (it is stored JSON, typed by the engine's record)
        for (String inline : List.of("CaseView", "Evaluated")) {
            Schema view = component(api, inline);
            if (view != null && view.getProperties() != null) {
                ENGINE_NULLABLE.get("Decision").forEach(property -> nullable(view.getProperties().get("decision"), property));
            }
        }
        OpenApiConventions.requireWhatIsAlwaysWritten(api);
        apiUrl().ifPresent(url -> api.servers(List.of(OASFactory.createServer().url(url)
                .description("This insurer's integrator API (a client certificate issued for it is required)"))));
        if (api.getComponents() == null) {
            api.components(OASFactory.createComponents());
        }
        api.getComponents().addSecurityScheme(MTLS, OASFactory.createSecurityScheme().type(SecurityScheme.Type.MUTUALTLS)
                .description("A client certificate issued for this insurer by the platform (undersign tenants certs issue);"
                        + " the front door refuses any other with 403 problem+json"));
        api.security(List.of(OASFactory.createSecurityRequirement().addScheme(MTLS)));
        typeAnswers(api);
        if (api.getPaths() == null) {
            return;
        }
        api.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, operation) -> problems(path, method, operation)));
    }

    private static Schema component(OpenAPI api, String name) {
        return api.getComponents() == null || api.getComponents().getSchemas() == null ? null : api.getComponents().getSchemas().get(name);
    }

    private static void nullable(Schema schema, String property) {
        if (schema == null || schema.getProperties() == null || !schema.getProperties().containsKey(property)) {
            return;
        }
        Schema current = schema.getProperties().get(property);
        if (current.getRef() != null) {
            schema.addProperty(property, OASFactory.createSchema().anyOf(List.of(OASFactory.createSchema().ref(current.getRef()),
                    OASFactory.createSchema().addType(Schema.SchemaType.NULL))));
        } else {
            current.addType(Schema.SchemaType.NULL);
        }
    }

    private static Optional<String> apiUrl() {
        return ConfigProvider.getConfig().getOptionalValue("undersign.tenant.api-url", String.class).filter(s -> !s.isBlank());
    }

    /** An answer is a number, a boolean, a string (a choice, a date, text) or a list of choices: said so, not "any". */
    private static void typeAnswers(OpenAPI api) {
        if (api.getComponents().getSchemas() == null) {
            return;
        }
        Schema answer = OASFactory.createSchema().description("An answer: a number, true/false, a string (an option value, an ISO date,"
                + " text) or a list of option values, as GET /api/v1/rulebook/questions describes each question")
                .oneOf(List.of(OASFactory.createSchema().addType(Schema.SchemaType.NUMBER), OASFactory.createSchema().addType(Schema.SchemaType.BOOLEAN),
                        OASFactory.createSchema().addType(Schema.SchemaType.STRING),
                        OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(OASFactory.createSchema().addType(Schema.SchemaType.STRING))));
        for (String name : List.of("CaseView", "CreateCase", "ChangeAnswers", "Evaluate")) {
            Schema schema = api.getComponents().getSchemas().get(name);
            if (schema != null && schema.getProperties() != null && schema.getProperties().containsKey("answers")) {
                Schema answers = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                        .description("Answers by question id" + (name.equals("ChangeAnswers") ? "; null removes an answer" : ""))
                        .additionalPropertiesSchema(name.equals("ChangeAnswers")
                                ? OASFactory.createSchema().oneOf(List.of(answer, OASFactory.createSchema().addType(Schema.SchemaType.NULL)))
                                : answer);
                schema.addProperty("answers", answers);
            }
        }
        Schema create = api.getComponents().getSchemas().get("CreateCase");
        if (create != null) {
            create.examples(List.of(Map.of("reference", "POL-2026-000123", "applicationDate", "2026-12-01", "answers", Map.ofEntries(
                    Map.entry("date_of_birth", "1990-06-15"), Map.entry("sex", "female"), Map.entry("sum_assured", 250000),
                    Map.entry("term_years", 25), Map.entry("occupation_class", "1"), Map.entry("height_cm", 168), Map.entry("weight_kg", 64),
                    Map.entry("smoker", false), Map.entry("alcohol_units_per_week", 8), Map.entry("hazardous_pursuits", List.of()),
                    Map.entry("travel_advisory", "none"), Map.entry("asthma", false), Map.entry("diabetes", false),
                    Map.entry("hypertension", false), Map.entry("heart_condition", "none"), Map.entry("cancer_history", false),
                    Map.entry("mental_health", "none"), Map.entry("family_history_under_60", 0), Map.entry("under_investigation", false),
                    Map.entry("hospital_admissions_12m", 0), Map.entry("self_harm", "none")))));
        }
    }

    private static void problems(String path, PathItem.HttpMethod method, Operation operation) {
        var responses = operation.getResponses();
        if (responses == null) {
            return;
        }
        boolean write = method != PathItem.HttpMethod.GET;
        OpenApiConventions.problem(responses, "400", "A field, parameter or body is wrong (the problem names it)");
        OpenApiConventions.problem(responses, "403", "The front door refused the client certificate (missing, another insurer's, revoked)");
        if (path.contains("{")) {
            OpenApiConventions.problem(responses, "404", "No such case");
        }
        if (write) {
            OpenApiConventions.problem(responses, "413", "The request body is larger than the API accepts");
            OpenApiConventions.problem(responses, "422", "Answers the rulebook does not accept (each named in errors), or an Idempotency-Key used for another request");
        }
        if (method == PathItem.HttpMethod.POST && path.equals("/api/v1/cases")) {
            OpenApiConventions.problem(responses, "409", "The reference already names another case");
        }
        OpenApiConventions.problem(responses, "500", "An internal error (quote the request id)");
        OpenApiConventions.problem(responses, "503", "This insurer's service is suspended or restarting (Retry-After says when to try again)");
    }
}

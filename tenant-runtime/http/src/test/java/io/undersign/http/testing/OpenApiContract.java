package io.undersign.http.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * An API checked against its own OpenAPI document the way a contract tester generated from that
 * document would: each real answer's status must be documented for its operation, with the
 * content type documented, and its body must match the documented schema (JSON Schema 2020-12,
 * the dialect of OpenAPI 3.1).
 */
public final class OpenApiContract {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final JsonNode document;
    private final List<String> checked = new ArrayList<>();

    public OpenApiContract(String document) throws Exception {
        this.document = JSON.readTree(document);
    }

    public JsonNode document() {
        return document;
    }

    /** What was checked, one line per answer ("POST /api/v1/cases -> 201"). */
    public List<String> checked() {
        return checked;
    }

    public void conforms(String method, String template, int status, String contentType, String body, int expected) throws Exception {
        String where = method.toUpperCase() + " " + template + " -> " + status;
        assertThat(status).as(where + ": " + body).isEqualTo(expected);
        JsonNode operation = document.path("paths").path(template).path(method);
        assertThat(operation.isMissingNode()).as(where + ": operation not in the document").isFalse();
        JsonNode documented = operation.path("responses").path(String.valueOf(expected));
        assertThat(documented.isMissingNode()).as(where + ": status not documented").isFalse();
        String type = contentType == null ? "" : contentType.split(";")[0].trim();
        JsonNode content = documented.path("content");
        if (content.isMissingNode() || content.isEmpty()) {
            assertThat(body).as(where + ": documented without a body").isEmpty();
            checked.add(where);
            return;
        }
        JsonNode media = content.path(type);
        assertThat(media.isMissingNode()).as(where + ": content type " + type + " not documented; documented: " + content.fieldNames().next())
                .isFalse();
        ObjectNode schema = JSON.createObjectNode();
        schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        schema.set("components", document.get("components"));
        schema.set("allOf", JSON.createArrayNode().add(media.get("schema")));
        Set<ValidationMessage> problems = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema)
                .validate(JSON.readTree(body));
        assertThat(problems).as(where + ": " + body).isEmpty();
        checked.add(where);
    }
}

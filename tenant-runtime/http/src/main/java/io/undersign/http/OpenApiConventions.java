package io.undersign.http;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * What both APIs' OpenAPI documents say the same way: every failure is problem+json with one
 * schema, and every property a view always writes is required (views are written with every field
 * present; those that can be null say so), so a client generated from the document may rely on it.
 */
public final class OpenApiConventions {
    public static final String PROBLEM = "#/components/schemas/Problem";
    /** Written without nulls (RFC 9457 members are optional): only these are always there. */
    private static final Map<String, List<String>> SPARSE = Map.of("Problem", List.of("type", "title", "status"),
            "FieldError", List.of("field", "message"));

    private OpenApiConventions() {
    }

    public static void requireWhatIsAlwaysWritten(OpenAPI api) {
        if (api.getComponents() == null || api.getComponents().getSchemas() == null) {
            return;
        }
        api.getComponents().getSchemas().forEach((name, schema) -> {
            if (schema.getProperties() == null) {
                return;
            }
            List<String> required = SPARSE.get(name);
            if (required == null) {
                required = new ArrayList<>();
                for (var property : schema.getProperties().entrySet()) {
                    if (!nullable(property.getValue())) {
                        required.add(property.getKey());
                    }
                }
            }
            schema.setRequired(required.isEmpty() ? null : new ArrayList<>(required));
        });
    }

    private static boolean nullable(Schema property) {
        if (property.getType() != null && property.getType().contains(SchemaType.NULL)) {
            return true;
        }
        for (List<Schema> alternatives : Arrays.asList(property.getAnyOf(), property.getOneOf())) {
            if (alternatives != null && alternatives.stream().anyMatch(OpenApiConventions::nullable)) {
                return true;
            }
        }
        return false;
    }

    /** Documents a problem+json answer, unless the operation documents that status already. */
    public static void problem(APIResponses responses, String code, String description) {
        if (responses.hasAPIResponse(code)) {
            return;
        }
        responses.addAPIResponse(code, OASFactory.createAPIResponse().description(description)
                .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM)))));
    }
}

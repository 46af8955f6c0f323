package io.undersign.controlplane.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import io.undersign.http.OpenApiConventions;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Makes the admin API's document say what the API does, in the places annotations would repeat
 * themselves: every operation lists the problem+json answers it can give (ProblemMappers, the
 * security layer, the body limit); the bearer token is described as what it is (opaque, not a
 * JWT); and, since the views are written with every field present, every property not declared
 * nullable is required, so a client generated from the document may rely on it.
 */
public class AdminOpenApiFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI api) {
        if (api.getComponents() != null && api.getComponents().getSecuritySchemes() != null) {
            api.getComponents().getSecuritySchemes().values().forEach(scheme -> scheme.bearerFormat(null)
                    .description("An opaque bearer token: issued by POST /api/v1/tokens (or the bootstrap admin token), shown once"));
        }
        OpenApiConventions.requireWhatIsAlwaysWritten(api);
        if (api.getPaths() == null) {
            return;
        }
        api.getPaths().getPathItems().forEach((path, item) -> {
            if (!path.startsWith("/api/")) {
                return;
            }
            item.getOperations().forEach((method, operation) -> documentProblems(path, method, operation));
        });
    }

    private void documentProblems(String path, PathItem.HttpMethod method, Operation operation) {
        APIResponses responses = operation.getResponses();
        boolean write = method != PathItem.HttpMethod.GET;
        problem(responses, "400", "A field, parameter or body is wrong (the problem names it)");
        // the security layer's own entries name no body: ours are problem+json
        responses.removeAPIResponse("401");
        responses.removeAPIResponse("403");
        problem(responses, "401", "No valid bearer token");
        problem(responses, "403", "The token's role does not allow this");
        if (path.contains("{")) {
            problem(responses, "404", "No such tenant, operation or certificate");
        }
        if (write) {
            problem(responses, "409", "Conflicts with the current state (e.g. a transition the tenant's status does not allow, an id taken)");
            problem(responses, "413", "The request body is larger than the API accepts");
            problem(responses, "422", "The Idempotency-Key was used for another request");
        }
        if (path.endsWith("/revoke")) {
            problem(responses, "502", "The revocation is recorded but a load balancer did not take it yet; repeat the request");
        }
        problem(responses, "500", "An internal error (quote the request id)");
    }

    private static void problem(APIResponses responses, String code, String description) {
        OpenApiConventions.problem(responses, code, description);
    }
}

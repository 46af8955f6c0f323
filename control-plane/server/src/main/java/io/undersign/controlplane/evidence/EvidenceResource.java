package io.undersign.controlplane.evidence;

import io.undersign.controlplane.audit.Audited;
import io.undersign.controlplane.audit.AuditedTenant;
import io.undersign.controlplane.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

/** A tenant's evidence provider connection. */
@Path("/api/v1/tenants/{id}/evidence-provider")
@jakarta.ws.rs.Produces(jakarta.ws.rs.core.MediaType.APPLICATION_JSON)
public class EvidenceResource {

    @Inject
    EvidenceProviderCredentials credentials;

    @Inject
    io.undersign.controlplane.audit.AuditNote note;

    /** Issues (or rotates) the provider's broker credentials; the password is shown only here. */
    @POST
    @Path("/credentials")
    @RolesAllowed(Role.OPERATOR_NAME)
    @Audited("evidence-provider.issue")
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "issueEvidenceProviderCredentials", summary = "Issue (rotate) the broker credentials of the tenant's evidence provider (shown once)")
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema(value = EvidenceProviderCredentials.Issued.class, responseCode = "201")
    public Response issue(@AuditedTenant @PathParam("id") String id) {
        EvidenceProviderCredentials.Issued issued = credentials.issue(id);
        note.add("username=" + issued.username());
        return Response.status(201).entity(issued).build();
    }
}

package io.undersign.controlplane.security;

import io.undersign.controlplane.audit.Audited;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.util.Locale;

/** Admins issue tokens for other operators and for automation; the token is shown once. */
@Path("/api/v1/tokens")
@jakarta.ws.rs.Produces(jakarta.ws.rs.core.MediaType.APPLICATION_JSON)
public class TokenResource {

    public record IssueRequest(@NotBlank @Size(max = 100) @io.undersign.controlplane.api.PlainText String name,
            @NotNull @Pattern(regexp = "viewer|operator|admin", message = "must be viewer, operator or admin") String role) {
    }

    /** {@code token} is shown here only; {@code id} names it afterwards (list, revoke). */
    public record Issued(String id, String name, String role, String token) {
    }

    @Inject
    TokenService tokens;

    @Inject
    io.undersign.controlplane.audit.AuditNote note;

    @POST
    @RolesAllowed(Role.ADMIN_NAME)
    @Audited("token.issue")
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "issueToken", summary = "Issue a bearer token with a role (shown once)")
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema(value = Issued.class, responseCode = "201")
    public Response issue(@Valid @NotNull IssueRequest request) {
        Role role = Role.valueOf(request.role().toUpperCase(Locale.ROOT));
        String token = tokens.issue(request.name(), role);
        String id = TokenService.idOf(io.undersign.controlplane.secret.Digests.sha256Hex(token));
        note.add("id=" + id + " name=" + request.name() + " role=" + role.wireName());
        return Response.status(201).entity(new Issued(id, request.name(), role.wireName(), token)).build();
    }

    @GET
    @RolesAllowed(Role.ADMIN_NAME)
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "listTokens", summary = "List the admin API's tokens (never the tokens themselves)")
    public java.util.List<TokenService.TokenView> list() {
        return tokens.list();
    }

    @POST
    @jakarta.ws.rs.Path("/{id}/revoke")
    @RolesAllowed(Role.ADMIN_NAME)
    @Audited("token.revoke")
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "revokeToken", summary = "Revoke a token: refused from the next request on")
    public TokenService.TokenView revoke(@jakarta.ws.rs.PathParam("id") String id) {
        TokenService.TokenView revoked = tokens.revoke(id);
        note.add("id=" + revoked.id() + " name=" + revoked.name() + " role=" + revoked.role());
        return revoked;
    }
}

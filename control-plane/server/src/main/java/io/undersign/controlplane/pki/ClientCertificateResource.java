package io.undersign.controlplane.pki;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import io.undersign.controlplane.api.DomainException;
import io.undersign.controlplane.audit.Audited;
import io.undersign.controlplane.audit.AuditedTenant;
import io.undersign.controlplane.driver.ClientTrust;
import io.undersign.controlplane.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;

/** Client certificates of a tenant's integrators (mutual TLS on its api. host). */
@Path("/api/v1/tenants/{id}/certificates")
@jakarta.ws.rs.Produces(jakarta.ws.rs.core.MediaType.APPLICATION_JSON)
public class ClientCertificateResource {

    public record IssueRequest(@NotBlank @Pattern(regexp = "[A-Za-z0-9 ._-]{1,100}", message = "1-100 letters, digits, space, . _ -") String name) {
    }

    public record CertificateView(String serial, String name, Instant notAfter, Instant createdAt, @Schema(nullable = true) Instant revokedAt) {
        static CertificateView of(ClientCertificate c) {
            return new CertificateView(c.serial, c.name, c.notAfter, c.createdAt, c.revokedAt);
        }
    }

    @Inject
    ClientCertificates certificates;

    @Inject
    ClientTrust trust;

    @Inject
    io.undersign.controlplane.audit.AuditNote note;

    @POST
    @RolesAllowed(Role.OPERATOR_NAME)
    @Audited("certificate.issue")
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "issueClientCertificate", summary = "Issue a client certificate for the tenant's integrator API (shown once)")
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema(value = ClientCertificates.Issued.class, responseCode = "201")
    public Response issue(@AuditedTenant @PathParam("id") String id, @Valid @NotNull IssueRequest request) {
        ClientCertificates.Issued issued = certificates.issue(id, request.name());
        note.add("serial=" + issued.serial() + " name=" + issued.name() + " notAfter=" + issued.notAfter());
        return Response.status(201).entity(issued).build();
    }

    @GET
    @RolesAllowed(Role.VIEWER_NAME)
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "listClientCertificates", summary = "List the tenant's client certificates")
    public List<CertificateView> list(@PathParam("id") String id) {
        return certificates.list(id).stream().map(CertificateView::of).toList();
    }

    @POST
    @Path("/{serial}/revoke")
    @RolesAllowed(Role.OPERATOR_NAME)
    @Audited("certificate.revoke")
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "revokeClientCertificate", summary = "Revoke a client certificate")
    public CertificateView revoke(@AuditedTenant @PathParam("id") String id, @PathParam("serial") String serial) {
        CertificateView view = CertificateView.of(certificates.revoke(id, serial));
        note.add("serial=" + view.serial() + " name=" + view.name());
        try {
            trust.publishRevocations(id);
        } catch (Exception e) {
            throw new DomainException(DomainException.Kind.BAD_GATEWAY, "revocation-not-published", "serial", "Certificate " + serial
                    + " is revoked in the registry, but the API's front door could not be told yet (" + e.getMessage()
                    + "); repeat the revocation to try again");
        }
        return view;
    }
}

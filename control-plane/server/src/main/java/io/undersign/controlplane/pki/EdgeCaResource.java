package io.undersign.controlplane.pki;

import io.undersign.controlplane.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

/** The local edge's CA certificate (public): clients trust it to verify tenant host names. */
@Path("/api/v1/edge/ca")
public class EdgeCaResource {

    @Inject
    TenantPki pki;

    @GET
    @Produces("application/x-pem-file")
    @RolesAllowed(Role.VIEWER_NAME)
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "edgeCa", summary = "The CA certificate (PEM) that signs the local edge's server certificates")
    public String certificate() {
        return pki.platformCa().certificatePem();
    }
}

package io.undersign.controlplane.privacy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.undersign.controlplane.audit.Audited;
import io.undersign.controlplane.audit.AuditedTenant;
import io.undersign.controlplane.security.Role;
import io.undersign.privacy.ErasureReceipt;
import io.undersign.privacy.SubjectAccessPage;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * An applicant's rights as the operator carries them out for a tenant (the tenant's own systems use
 * its integrator API): erasure of a case's health data with a signed receipt, subject access, and
 * the tenant's keys. Health data leaves only through subject access, to admins, and each is audited.
 */
@Path("/api/v1/tenants/{id}")
@Produces(MediaType.APPLICATION_JSON)
public class PrivacyResource {

    /** Why the case is erased (kept with the receipt; never in an audit trail). */
    public record EraseCase(@NotNull @NotBlank @Size(max = 500) @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must be one line of text")
            String reason) {
    }

    @Inject
    TenantPrivacy privacy;

    @Inject
    io.undersign.controlplane.audit.AuditNote note;

    @Inject
    io.quarkus.security.identity.SecurityIdentity caller;

    @POST
    @Path("/cases/{caseId}/erasure")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.ADMIN_NAME)
    @Audited("case.erased")
    @Operation(operationId = "eraseTenantCase", summary = "Erase a case's health data (its data key is destroyed; outcome, dates and "
            + "reason codes stay) and return the signed receipt; a repeat returns the same receipt")
    public ErasureReceipt.Signed erase(@AuditedTenant @PathParam("id") String id, @PathParam("caseId") String caseId,
            @Valid @NotNull EraseCase request) {
        ErasureReceipt.Signed receipt = privacy.erase(id, caseId, request.reason().strip(), "operator:" + caller.getPrincipal().getName());
        note.add("case=" + caseId + " receipt=" + receipt.receipt().receiptId());
        return receipt;
    }

    @GET
    @Path("/cases/{caseId}/subject-access")
    @RolesAllowed(Role.ADMIN_NAME)
    @Audited("case.subject-access")
    @Operation(operationId = "getTenantSubjectAccess", summary = "Everything the tenant holds about a case's applicant, as one JSON document")
    public ObjectNode subjectAccess(@AuditedTenant @PathParam("id") String id, @PathParam("caseId") String caseId) {
        note.add("case=" + caseId);
        return privacy.subjectAccess(id, caseId);
    }

    @GET
    @Path("/cases/{caseId}/subject-access")
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed(Role.ADMIN_NAME)
    @Audited("case.subject-access")
    @Operation(hidden = true)
    public String subjectAccessPage(@AuditedTenant @PathParam("id") String id, @PathParam("caseId") String caseId) {
        note.add("case=" + caseId + " page");
        return SubjectAccessPage.html(privacy.subjectAccess(id, caseId));
    }

    @GET
    @Path("/keys")
    @RolesAllowed(Role.VIEWER_NAME)
    @Operation(operationId = "showTenantKeys", summary = "The tenant's key-encryption keys (how many, which is primary) and the receipts' public key")
    public TenantPrivacy.KeysView keys(@PathParam("id") String id) {
        return privacy.keys(id);
    }

    @POST
    @Path("/keys/rotation")
    @RolesAllowed(Role.ADMIN_NAME)
    @Audited("keys.rotated")
    @Operation(operationId = "rotateTenantKeys", summary = "Add a key-encryption key and make it primary: new cases' data keys are wrapped "
            + "by it, older ones still open; no runtime stops")
    public TenantPrivacy.KeysView rotate(@AuditedTenant @PathParam("id") String id) {
        TenantPrivacy.KeysView keys = privacy.rotate(id);
        note.add("keys=" + keys.keyEncryptionKeys() + " primary=" + keys.primaryKeyId());
        return keys;
    }
}

package io.undersign.controlplane.privacy;

import io.undersign.controlplane.api.DomainException;
import io.undersign.controlplane.audit.Audited;
import io.undersign.controlplane.audit.AuditedTenant;
import io.undersign.controlplane.security.Role;
import io.undersign.controlplane.tenant.TenantRepository;
import io.undersign.privacy.Retention;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** How long a tenant keeps each class of case, a check that nothing is kept longer, and enforcing it now. */
@Path("/api/v1/tenants/{id}/retention")
@Produces(MediaType.APPLICATION_JSON)
public class RetentionResource {
    static final int MAX_MONTHS = 1200;

    /** class → months after the case's last change (null: until an erasure request). */
    public record RetentionView(String tenantId, Map<String, Integer> retentionMonths) {
    }

    @Inject
    TenantRepository tenants;

    @Inject
    RetentionRules rules;

    @Inject
    TenantPrivacy privacy;

    @Inject
    io.undersign.controlplane.audit.AuditNote note;

    @GET
    @RolesAllowed(Role.VIEWER_NAME)
    @Operation(operationId = "showTenantRetention", summary = "How long the tenant keeps each class of case (incomplete, declined, postponed, accepted)")
    public RetentionView show(@PathParam("id") String id) {
        tenants.require(id);
        return new RetentionView(id, rules.of(id));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.ADMIN_NAME)
    @Audited("retention.changed")
    @Operation(operationId = "setTenantRetention", summary = "Set months per class (null: until an erasure request); classes not named keep theirs")
    public RetentionView set(@AuditedTenant @PathParam("id") String id, @NotNull Map<String, Integer> changes) {
        tenants.require(id);
        if (changes.isEmpty()) {
            throw new DomainException(DomainException.Kind.BAD_REQUEST, "invalid-retention", "retentionMonths",
                    "name at least one class: " + String.join(", ", Retention.DEFAULTS.keySet()));
        }
        changes.forEach((dataClass, months) -> {
            if (!Retention.DEFAULTS.containsKey(dataClass)) {
                throw new DomainException(DomainException.Kind.BAD_REQUEST, "invalid-retention", dataClass,
                        "no class '" + dataClass + "'; the classes are " + String.join(", ", Retention.DEFAULTS.keySet()));
            }
            if (months != null && (months < 1 || months > MAX_MONTHS)) {
                throw new DomainException(DomainException.Kind.BAD_REQUEST, "invalid-retention", dataClass,
                        dataClass + " must be kept 1 to " + MAX_MONTHS + " months, or null (until an erasure request)");
            }
        });
        rules.set(id, changes);
        note.add(changes.toString());
        return new RetentionView(id, rules.of(id));
    }

    @GET
    @Path("/check")
    @RolesAllowed(Role.VIEWER_NAME)
    @Operation(operationId = "checkTenantRetention", summary = "Every case the tenant keeps past its class's retention (none: all is well)")
    public TenantPrivacy.RetentionCheck check(@PathParam("id") String id) {
        return privacy.retentionCheck(id);
    }

    @POST
    @Path("/enforcement")
    @RolesAllowed(Role.ADMIN_NAME)
    @Audited("retention.enforced")
    @Operation(operationId = "enforceTenantRetention", summary = "Erase now every case past its retention (the privacy sweep does it every hour)")
    public TenantPrivacy.RetentionEnforced enforce(@AuditedTenant @PathParam("id") String id) {
        TenantPrivacy.RetentionEnforced done = privacy.enforceRetention(id);
        note.add("erased=" + done.erased().size());
        return done;
    }
}

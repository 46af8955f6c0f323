package io.undersign.controlplane.tenant;

import io.undersign.controlplane.api.PlainText;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/v1/tenants}. Region and TLS policy fall back to the platform defaults; tags are optional. */
public record CreateTenantRequest(
        @NotNull @Pattern(regexp = io.undersign.contract.TenantIds.PATTERN, message = "must be 3-31 characters: a lower-case letter, then lower-case letters, digits or '-'")
        String id,
        @NotBlank @Size(max = 100) @PlainText String displayName,
        @Pattern(regexp = "#[0-9a-fA-F]{6}", message = "must be a colour like #1f4e79") String brandColour,
        @Size(max = 32) String region,
        @Pattern(regexp = "silo", message = "must be 'silo' (the only tier so far)") String tier,
        @Size(max = 64) String tlsPolicy,
        @Email @Size(max = 254) String contactEmail,
        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
        @Size(max = TenantTags.MAX_PER_TENANT) java.util.List<@Pattern(regexp = TenantTags.PATTERN, message = "must be 1-32 characters: a lower-case letter, then lower-case letters, digits or '-'") String> tags) implements io.undersign.controlplane.audit.AuditedTenant.Subject {

    @Override
    public String tenantId() {
        return id;
    }
}

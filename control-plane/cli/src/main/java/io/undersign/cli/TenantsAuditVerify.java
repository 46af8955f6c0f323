package io.undersign.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code tenants audit-verify T}: checks the tenant's audit trail against its hash chain; exits
 * non-zero when an entry was changed, deleted or left unsealed, naming each place.
 */
@Command(name = "audit-verify", description = "Verify a tenant's audit trail against its hash chain (exit 1 when it does not hold).")
class TenantsAuditVerify extends ApiCommand {
    @Parameters(index = "0", description = "Tenant id")
    String id;

    @Override
    public Integer call() throws Exception {
        JsonNode result = api.client().post("/api/v1/tenants/" + ApiClient.segment(id) + "/audit-verification", java.util.Map.of(), null);
        print(result, r -> {
            if (r.path("intact").asBoolean()) {
                out().println("Audit trail of " + id + " intact: " + r.path("sealedEntries").asLong() + " entries, chain head "
                        + r.path("headSeq").asLong() + " " + r.path("headHash").asText());
            } else {
                out().println("Audit trail of " + id + " does NOT verify:");
                for (JsonNode p : r.path("problems")) {
                    out().println("  " + (p.path("seq").asLong() > 0 ? "seal " + p.path("seq").asLong() + ": " : "") + p.path("what").asText());
                }
            }
        });
        return result.path("intact").asBoolean() ? 0 : Undersign.OPERATION_FAILED;
    }
}

package io.undersign.controlplane.schema;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * When a contract step may run: a release whose schema includes one is refused while any tenant
 * runs a release older than the step's {@code safe-from} (releases are ordered by when they were
 * made; a tenant on no release is older than all), and a tenant never goes back to a release whose
 * schema its own has contracted past. Plain Java: the rules alone, tested alone.
 */
public final class ContractGuard {
    private ContractGuard() {
    }

    /**
     * Why a release with schema {@code schemaVersion} may not be made, if it may not.
     * {@code tenantsRunning}: each tenant (not offboarded) and when its current release was made
     * (null: none); {@code releasesMade}: when each release was made.
     */
    public static Optional<String> refuseRelease(List<SchemaStep> steps, String schemaVersion, Map<String, Instant> tenantsRunning,
            Map<String, Instant> releasesMade) {
        for (SchemaStep contract : SchemaStep.contractsBetween(steps, null, schemaVersion)) {
            Instant safe = releasesMade.get(contract.safeFrom());
            if (safe == null) {
                return Optional.of("schema " + schemaVersion + " includes contract step " + contract.file() + ", safe from release "
                        + contract.safeFrom() + ", which does not exist");
            }
            for (Map.Entry<String, Instant> tenant : tenantsRunning.entrySet()) {
                if (tenant.getValue() == null || tenant.getValue().isBefore(safe)) {
                    return Optional.of("schema " + schemaVersion + " includes contract step " + contract.file() + ", safe from release "
                            + contract.safeFrom() + ", and tenant " + tenant.getKey() + " runs an older release");
                }
            }
        }
        return Optional.empty();
    }

    /** Why a tenant whose schema is at {@code tenantSchema} may not run a release with {@code targetSchema}, if it may not. */
    public static Optional<String> refuseMove(List<SchemaStep> steps, String tenantSchema, String targetSchema) {
        if (tenantSchema == null || Integer.parseInt(targetSchema) >= Integer.parseInt(tenantSchema)) {
            return Optional.empty();
        }
        List<SchemaStep> past = SchemaStep.contractsBetween(steps, targetSchema, tenantSchema);
        return past.isEmpty() ? Optional.empty() : Optional.of("the tenant's schema has contract step " + past.get(0).file()
                + ", past the schema " + targetSchema + " that release needs");
    }
}

package io.undersign.runtime.api;

import io.undersign.runtime.BuildStamp;
import io.undersign.runtime.cases.RulebookHolder;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What serves this API: the release, the runtime's build and the rulebook version new cases are decided by. */
@Path("/api/v1/service")
@Produces(MediaType.APPLICATION_JSON)
public class ServiceResource {

    /** {@code release}: the platform release this runtime belongs to (null when deployed outside one). */
    public record Service(String tenant, @Schema(nullable = true) String release, String version, String buildId, String rulebookId,
            String rulebookVersion) {
    }

    @Inject
    BuildStamp build;

    @Inject
    RulebookHolder rulebooks;

    @ConfigProperty(name = "undersign.tenant.id")
    String tenant;

    @ConfigProperty(name = "undersign.release")
    Optional<String> release;

    @GET
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "getService",
            summary = "The release, runtime build and rulebook version serving this API")
    public Service service() {
        return new Service(tenant, release.filter(r -> !r.isBlank()).orElse(null), build.version(), build.buildId(),
                rulebooks.currentRef().id(), rulebooks.currentRef().version());
    }
}

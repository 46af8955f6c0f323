package io.undersign.runtime.landing;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.undersign.runtime.TenantConfig;
import io.undersign.runtime.broker.BrokerConnection;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;

/** The tenant's front page: names the insurer and shows that its database and broker answer. */
@Path("/")
public class LandingResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance landing(Page page);
    }

    public record Page(String tenantId, String displayName, String colour, String schemaVersion, boolean brokerConnected) {
    }

    @Inject
    TenantConfig config;

    @Inject
    io.undersign.runtime.TenantBrand brand;

    @Inject
    RuntimeAudit audit;

    @Inject
    BrokerConnection broker;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance landing() throws SQLException {
        return Templates.landing(new Page(config.tenant().id(), brand.displayName(),
                brand.colour(), audit.schemaVersion(), broker.isConnected()));
    }
}

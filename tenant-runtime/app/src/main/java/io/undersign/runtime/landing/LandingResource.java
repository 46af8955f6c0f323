package io.undersign.runtime.landing;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.undersign.runtime.TenantBrand;
import io.undersign.runtime.cases.RulebookHolder;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The insurer's front page for applicants: what the application involves and a way to start. What
 * the runtime is made of (schema, broker) is for operators, on its health checks, not here.
 */
@Path("/")
public class LandingResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance landing(View view);
    }

    public record Brand(String name, String colour) {
    }

    public record View(Brand brand, int pages) {
    }

    @Inject
    TenantBrand brand;

    @Inject
    RulebookHolder rulebooks;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance landing() {
        return Templates.landing(new View(new Brand(brand.displayName(), brand.colour()), rulebooks.rulebook().pages().size()));
    }
}

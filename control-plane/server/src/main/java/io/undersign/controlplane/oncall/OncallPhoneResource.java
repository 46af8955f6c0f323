package io.undersign.controlplane.oncall;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.undersign.controlplane.api.DomainException;
import io.undersign.controlplane.audit.Audited;
import io.undersign.controlplane.config.UndersignConfig;
import io.undersign.controlplane.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The phone on this machine (local driver only): the calls and texts paging sent, and forms to answer
 * a call (keypad 1 acknowledges) or text the platform's number as a rota member, so the whole flow can
 * be tried by hand. Server-rendered, no script; the browser signs in with HTTP Basic (the API token as
 * password), and every form post must come from this page's own origin.
 */
@Path("/oncall/phone")
public class OncallPhoneResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance page(List<Call> ringing, List<Text> texts, List<OncallMember> members, String notice);
    }

    public record Call(String id, String member, String address, String body, String status, String at) {
    }

    public record Text(String member, String address, String body, String status, String at) {
    }

    @Inject
    UndersignConfig config;

    @Inject
    EntityManager em;

    @Inject
    RotaStore rota;

    @Inject
    Acknowledgements acks;

    @Inject
    InboundTexts inbound;

    @Inject
    ObjectMapper json;

    @Inject
    SecurityIdentity identity;

    @Inject
    io.vertx.ext.web.RoutingContext http;

    @GET
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed(Role.VIEWER_NAME)
    @Transactional
    @Operation(hidden = true)
    public Response page(@jakarta.ws.rs.QueryParam("notice") String notice) {
        localOnly();
        List<OncallDelivery> recent = em.createQuery("from OncallDelivery order by createdAt desc, id", OncallDelivery.class).setMaxResults(50)
                .getResultList();
        Map<String, String> names = new LinkedHashMap<>();
        rota.members().forEach(m -> names.put(m.id, m.name));
        List<Call> ringing = recent.stream().filter(d -> d.channel == OncallDelivery.Channel.VOICE && d.status == OncallDelivery.Status.RINGING)
                .map(d -> new Call(d.id, names.getOrDefault(d.memberId, d.address), d.address, d.body, d.status.name(), d.createdAt.toString())).toList();
        List<Text> texts = recent.stream().filter(d -> d.channel == OncallDelivery.Channel.SMS)
                .map(d -> new Text(names.getOrDefault(d.memberId, d.address), d.address, d.body, d.status.name(), d.createdAt.toString())).toList();
        String shown = notice == null ? null : notice.length() > 200 ? notice.substring(0, 200) : notice;
        return Response.ok(Templates.page(ringing, texts, rota.members(), shown))
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
                .header("X-Content-Type-Options", "nosniff").header("Referrer-Policy", "no-referrer").header("Cache-Control", "no-store").build();
    }

    @POST
    @Path("/answer")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Role.OPERATOR_NAME)
    @Audited("oncall.call.answer")
    @Operation(hidden = true)
    public Response answer(@FormParam("delivery") String delivery, @FormParam("keypad") String keypad, @HeaderParam("Origin") String origin,
            @jakarta.ws.rs.core.Context UriInfo uri) {
        localOnly();
        sameOrigin(origin, uri);
        OncallDelivery d = acks.answer(delivery, keypad == null ? "" : keypad, identity.getPrincipal().getName());
        return back(uri, "Call answered: " + d.status.name().toLowerCase());
    }

    @POST
    @Path("/reply")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Role.OPERATOR_NAME)
    @Audited("oncall.sms.inbound")
    @Operation(hidden = true)
    public Response reply(@FormParam("from") String from, @FormParam("text") String text, @HeaderParam("Origin") String origin,
            @jakarta.ws.rs.core.Context UriInfo uri) throws Exception {
        localOnly();
        sameOrigin(origin, uri);
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("originationNumber", from == null ? "" : from);
        event.put("destinationNumber", "+10000000000");
        event.put("messageKeyword", "");
        event.put("messageBody", text == null ? "" : text);
        event.put("inboundMessageId", UUID.randomUUID().toString());
        event.put("previousPublishedMessageId", "");
        InboundTexts.Handled h = inbound.handle(json.writeValueAsString(event));
        return back(uri, h.detail());
    }

    private void localOnly() {
        if (!"local".equals(config.driver())) {
            throw new DomainException(DomainException.Kind.NOT_FOUND, "not-found", null, "the on-call phone exists on the local driver only");
        }
    }

    /** A browser sends Basic credentials with any site's form post: only this page's own origin may post. */
    private void sameOrigin(String origin, UriInfo uri) {
        String own = http.request().scheme() + "://" + http.request().getHeader("Host");
        if (origin == null || !origin.equalsIgnoreCase(own)) {
            org.jboss.logging.Logger.getLogger(OncallPhoneResource.class).warnf("On-call phone post refused: origin %s, page %s", origin, own);
            throw new DomainException(DomainException.Kind.FORBIDDEN, "cross-origin", "Origin", "posts to the on-call phone come from its own page only");
        }
    }

    private static Response back(UriInfo uri, String notice) {
        return Response.seeOther(uri.getBaseUriBuilder().path("/oncall/phone").queryParam("notice", notice).build()).build();
    }
}

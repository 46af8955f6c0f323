package io.undersign.runtime.interview;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.undersign.http.Problem;
import io.undersign.http.RequestId;
import io.undersign.runtime.TenantBrand;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * People on the interview host never meet raw errors: every 4xx and 5xx there (an unknown case
 * link, a form whose CSRF token has lapsed, a failure on our side) becomes a page in the insurer's
 * colours that says what happened and the way back to the case. The integrator API keeps its
 * problem+json.
 */
public class ErrorPages {
    private static final Pattern CASE_PATH = Pattern.compile("^/interview/([A-Za-z0-9_-]{22})(/.*)?$");

    @CheckedTemplate(basePath = "ErrorPages")
    static class Templates {
        static native TemplateInstance error(View view);
    }

    /** {@code caseLink}: where the applicant's case is, when the request named one. */
    record View(Views.Brand brand, int status, String title, String message, String caseLink, String requestId) {
    }

    @Inject
    TenantBrand brand;

    @Inject
    RequestId requestId;

    @ServerResponseFilter
    public void page(ContainerRequestContext request, ContainerResponseContext response) {
        String path = request.getUriInfo().getPath();
        int status = response.getStatus();
        if (status < 400 || !forPeople(path) || (response.getEntity() != null && !(response.getEntity() instanceof Problem))) {
            return;
        }
        Matcher m = CASE_PATH.matcher(path);
        String caseLink = m.matches() ? "/interview/" + m.group(1) : null;
        View view = describe(status, request.getMethod(), caseLink);
        response.setEntity(Templates.error(view).render(), null, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
    }

    /** The interview and the landing page are for people; the API, health and OpenAPI for machines. */
    static boolean forPeople(String path) {
        return !path.startsWith("/api/") && !path.equals("/api") && !path.startsWith("/q/");
    }

    private View describe(int status, String method, String caseLink) {
        Views.Brand b = new Views.Brand(brand.displayName(), brand.colour());
        String id = requestId.value();
        if (status == 400 && "POST".equals(method)) {
            // what the CSRF filter answers when the form's token and cookie no longer match (a page left open a long time)
            return new View(b, status, "This page was open for too long",
                    "For your security we could not take what you sent from that page. The answers you saved before are kept: "
                            + "open your application again and carry on from where you were.", caseLink, id);
        }
        if (status == 404) {
            return caseLink != null
                    ? new View(b, status, "We cannot find this application",
                            "Check that the link is exactly as you received it. If you started an application and cannot find it,"
                                    + " contact " + b.name() + ".", null, id)
                    : new View(b, status, "Page not found", "There is nothing at this address.", null, id);
        }
        if (status >= 500) {
            return new View(b, status, "Sorry, something went wrong on our side",
                    "Your answers so far are saved. Please try again in a few minutes.", caseLink, id);
        }
        return new View(b, status, "We could not do that", "Please go back and try again.", caseLink, id);
    }
}

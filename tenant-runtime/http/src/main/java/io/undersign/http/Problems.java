package io.undersign.http;

import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** Builds the problem+json answer of the current request: its path as {@code instance}, its request id. */
@RequestScoped
public class Problems {

    @Inject
    RoutingContext http;

    @Inject
    RequestId requestId;

    public Response of(int status, String type, String detail, String field) {
        return builder(status, type, detail, field, null).build();
    }

    public Response of(int status, String type, String detail, String field, List<Problem.FieldError> errors) {
        return builder(status, type, detail, field, errors).build();
    }

    /** For answers that add a header (e.g. {@code WWW-Authenticate}). */
    public Response.ResponseBuilder builder(int status, String type, String detail, String field, List<Problem.FieldError> errors) {
        Response.Status known = Response.Status.fromStatusCode(status);
        return titled(status, type, known != null ? known.getReasonPhrase() : Response.Status.Family.familyOf(status).name(), detail, field, errors);
    }

    /** With a title of its own (RFC 9457: a short summary of the problem type) rather than the status's phrase. */
    public Response.ResponseBuilder titled(int status, String type, String title, String detail, String field, List<Problem.FieldError> errors) {
        Problem body = new Problem(Problem.TYPE_BASE + type, title, status, detail, http.request().path(), field, requestId.value(), errors);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(body);
    }

    public String requestId() {
        return requestId.value();
    }
}

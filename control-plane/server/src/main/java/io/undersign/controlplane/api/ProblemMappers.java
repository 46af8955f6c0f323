package io.undersign.controlplane.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one error path of the admin API: every failure leaves as RFC 9457 problem+json with the
 * field at fault and the request id, and never with a stack trace or an exception class name.
 */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final String TYPE_BASE = "https://undersign.io/problems/";

    @Inject
    CallContext call;

    @Inject
    UriInfo uri;

    @ServerExceptionMapper
    public Response domain(DomainException e) {
        return problem(e.kind().status, e.type(), e.getMessage(), e.field(), null);
    }

    @ServerExceptionMapper
    public Response beanValidation(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String detail = errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
        return problem(400, "invalid-field", detail, errors.isEmpty() ? null : errors.get(0).field(), errors);
    }

    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e) {
        return problem(400, "unknown-field", "Unknown field '" + e.getPropertyName() + "'", path(e), null);
    }

    @ServerExceptionMapper
    public Response badJson(JsonProcessingException e) {
        String field = e instanceof JsonMappingException m ? path(m) : null;
        String detail = field == null ? "Malformed JSON body: " + summary(e) : "Field '" + field + "' has a value of the wrong type";
        return problem(400, "malformed-body", detail, field == null ? "body" : field, null);
    }

    // named one by one: Quarkus's own mappers for these (an empty 400) win over a mapper of their supertype
    @ServerExceptionMapper
    public Response wrongShape(com.fasterxml.jackson.databind.exc.MismatchedInputException e) {
        return badJson(e);
    }

    @ServerExceptionMapper
    public Response unparsable(com.fasterxml.jackson.core.JsonParseException e) {
        return badJson(e);
    }

    @ServerExceptionMapper
    public Response wrongValue(com.fasterxml.jackson.databind.exc.InvalidFormatException e) {
        return badJson(e);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return problem(401, "unauthorized", "A valid bearer token is required", "Authorization", null);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        return unauthorized(null);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return problem(403, "forbidden", "Your token's role does not allow this action", "Authorization", null);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return badJson(json); // a body that ended early arrives wrapped
        }
        int status = e.getResponse().getStatus();

        String detail = status == 404 ? "No such resource" : e.getResponse().getStatusInfo().getReasonPhrase();
        return problem(status, "http-" + status, detail, null, null);
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.errorf(e, "Unexpected failure of request %s", call.requestId());
        return problem(500, "internal-error", "Internal error; quote request id " + call.requestId(), null, null);
    }

    private Response problem(int status, String type, String detail, String field, List<Problem.FieldError> errors) {
        Response.Status.Family family = Response.Status.Family.familyOf(status);
        String title = Response.Status.fromStatusCode(status) != null
                ? Response.Status.fromStatusCode(status).getReasonPhrase()
                : family.name();
        Problem body = new Problem(TYPE_BASE + type, title, status, detail, uri.getPath(), field, call.requestId(), errors);
        Response.ResponseBuilder builder = Response.status(status).type(Problem.MEDIA_TYPE).entity(body);
        if (status == 401) {
            builder.header("WWW-Authenticate", "Bearer");
        }
        return builder.build();
    }

    private static String path(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."));
        return path.isEmpty() ? null : path.replace(".[", "[");
    }

    /** Jackson's first line, without the source excerpt it appends (which may echo the body). */
    private static String summary(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        return message == null ? "not JSON" : message.lines().findFirst().orElse("not JSON");
    }

    private static String fieldOf(ConstraintViolation<?> violation) {
        // property paths look like "create.request.displayName": keep what the client sent
        String path = violation.getPropertyPath().toString();
        String[] parts = path.split("\\.");
        return parts.length > 2 ? String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length)) : parts[parts.length - 1];
    }
}

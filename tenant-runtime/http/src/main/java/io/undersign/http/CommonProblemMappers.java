package io.undersign.http;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The failures every API of the platform meets — bodies that are not the JSON asked for, bean
 * validation, parameters, HTTP errors, the unexpected — as RFC 9457 problem+json naming the field
 * at fault and the request id, never a stack trace or a class name. Each application adds the
 * mappers of its own exceptions.
 */
public class CommonProblemMappers {
    private static final Logger LOG = Logger.getLogger(CommonProblemMappers.class);

    @Inject
    Problems problems;

    @ServerExceptionMapper
    public Response beanValidation(ConstraintViolationException e) {
        List<Problem.FieldError> errors = fieldErrors(e);
        return problems.of(400, "invalid-field", describe(e), errors.isEmpty() ? null : errors.get(0).field(), errors);
    }

    /** The violations as the request names its fields, sorted. */
    public static List<Problem.FieldError> fieldErrors(ConstraintViolationException e) {
        return e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
    }

    /** "contactEmail: must be a well-formed email address; id: …", in the request's own terms. */
    public static String describe(ConstraintViolationException e) {
        return fieldErrors(e).stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
    }

    @ServerExceptionMapper
    public Response invalidParameter(InvalidParameterException e) {
        return problems.of(400, "invalid-parameter", e.getMessage(), e.field());
    }

    @ServerExceptionMapper
    public Response idempotencyKeyReused(IdempotentRequests.KeyReusedException e) {
        return problems.of(422, "idempotency-key-reused", e.getMessage(), IdempotentRequests.HEADER);
    }

    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e) {
        return problems.of(400, "unknown-field", "Unknown field '" + e.getPropertyName() + "'", path(e));
    }

    @ServerExceptionMapper
    public Response badJson(JsonProcessingException e) {
        String field = e instanceof JsonMappingException m ? path(m) : null;
        String detail = field == null ? "Malformed JSON body: " + summary(e) : "Field '" + field + "' has a value of the wrong type";
        return problems.of(400, "malformed-body", detail, field == null ? "body" : field);
    }

    // named one by one: Quarkus's own mappers for these (an empty 400) win over a mapper of their supertype
    @ServerExceptionMapper
    public Response wrongShape(MismatchedInputException e) {
        return badJson(e);
    }

    @ServerExceptionMapper
    public Response unparsable(JsonParseException e) {
        return badJson(e);
    }

    @ServerExceptionMapper
    public Response wrongValue(InvalidFormatException e) {
        return badJson(e);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return badJson(json); // a body that ended early arrives wrapped
        }
        int status = e.getResponse().getStatus();
        if (status == 400 && e.getCause() == null) {
            // what the JSON body reader throws for a body it cannot read at all (empty, cut short)
            return problems.of(400, "malformed-body", "Malformed JSON body", "body");
        }
        String detail = status == 404 ? "No such resource" : e.getResponse().getStatusInfo().getReasonPhrase();
        return problems.of(status, "http-" + status, detail, null);
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.errorf(e, "Unexpected failure of request %s", problems.requestId());
        return problems.of(500, "internal-error", "Internal error; quote request id " + problems.requestId(), null);
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

    static String fieldOf(ConstraintViolation<?> violation) {
        // property paths look like "create.request.displayName" (a body) or "create.idempotencyKey" (a parameter):
        // keep what the client sent
        String[] parts = violation.getPropertyPath().toString().split("\\.");
        return parts.length > 2 ? String.join(".", Arrays.copyOfRange(parts, 2, parts.length)) : parts[parts.length - 1];
    }
}

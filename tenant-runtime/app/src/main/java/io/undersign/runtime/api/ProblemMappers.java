package io.undersign.runtime.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.undersign.engine.FieldError;
import io.undersign.runtime.cases.AnswersRejectedException;
import io.undersign.runtime.cases.CaseNotFoundException;
import io.undersign.runtime.cases.IdempotencyConflictException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.inject.Inject;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every API failure as RFC 9457 problem+json naming the field at fault; never a stack trace. */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final String TYPE_BASE = "https://undersign.io/problems/";

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Problem(String type, String title, int status, String detail, String instance, String field, List<FieldError> errors) {
    }

    @Inject
    UriInfo uri;

    @ServerExceptionMapper
    public Response answersRejected(AnswersRejectedException e) {
        String detail = e.errors().stream().map(f -> f.field() + ": " + f.message()).reduce((a, b) -> a + "; " + b).orElse("");
        return problem(422, "answers-rejected", detail, e.errors().get(0).field(), e.errors());
    }

    @ServerExceptionMapper
    public Response notFound(CaseNotFoundException e) {
        return problem(404, "case-not-found", e.getMessage(), "id", null);
    }

    @ServerExceptionMapper
    public Response idempotency(IdempotencyConflictException e) {
        return problem(422, "idempotency-key-reused", e.getMessage(), "Idempotency-Key", null);
    }

    @ServerExceptionMapper
    public Response badRequest(BadRequestProblem e) {
        return problem(400, "invalid-parameter", e.getMessage(), e.field(), null);
    }

    @ServerExceptionMapper
    public Response beanValidation(ConstraintViolationException e) {
        List<FieldError> errors = e.getConstraintViolations().stream().map(v -> {
            String path = v.getPropertyPath().toString();
            return new FieldError(path.substring(path.lastIndexOf('.') + 1), v.getMessage());
        }).toList();
        return problem(400, "invalid-field", errors.get(0).field() + ": " + errors.get(0).message(), errors.get(0).field(), errors);
    }

    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e) {
        return problem(400, "unknown-field", "Unknown field '" + e.getPropertyName() + "'", e.getPropertyName(), null);
    }

    @ServerExceptionMapper
    public Response badJson(JsonProcessingException e) {
        String field = e instanceof com.fasterxml.jackson.databind.JsonMappingException m ? path(m) : null;
        return problem(400, "malformed-body", field == null ? "Malformed JSON body" : "Field '" + field + "' has a value of the wrong type",
                field == null ? "body" : field, null);
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
    public Response web(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return badJson(json);
        }
        int status = e.getResponse().getStatus();
        if (status == 400 && e.getCause() == null) {
            // what the JSON body reader throws for a body it cannot read at all (empty, cut short)
            return problem(400, "malformed-body", "Malformed JSON body", "body", null);
        }
        return problem(status, "http-" + status, e.getResponse().getStatusInfo().getReasonPhrase(), null, null);
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.error("Unexpected failure", e);
        return problem(500, "internal-error", "Internal error", null, null);
    }

    private static String path(com.fasterxml.jackson.databind.JsonMappingException e) {
        String path = e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(java.util.stream.Collectors.joining("."));
        return path.isEmpty() ? null : path.replace(".[", "[");
    }

    private Response problem(int status, String type, String detail, String field, List<FieldError> errors) {
        Response.Status known = Response.Status.fromStatusCode(status);
        return Response.status(status).type("application/problem+json")
                .entity(new Problem(TYPE_BASE + type, known == null ? "Error" : known.getReasonPhrase(), status, detail,
                        uri.getPath(), field, errors))
                .build();
    }
}

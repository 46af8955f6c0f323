package io.undersign.runtime.api;

import io.undersign.http.Problem;
import io.undersign.http.Problems;
import io.undersign.runtime.cases.AnswersRejectedException;
import io.undersign.runtime.cases.CaseNotFoundException;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The integrator API's own refusals as RFC 9457 problem+json naming the field at fault; what every
 * API meets is mapped by {@link io.undersign.http.CommonProblemMappers}.
 */
public class ProblemMappers {

    @Inject
    Problems problems;

    @ServerExceptionMapper
    public Response answersRejected(AnswersRejectedException e) {
        List<Problem.FieldError> errors = e.errors().stream().map(f -> new Problem.FieldError(f.field(), f.message())).toList();
        String detail = errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
        return problems.titled(422, "answers-rejected", "Answers not accepted by rulebook " + e.rulebook(),
                detail, errors.get(0).field(), errors).build();
    }

    @ServerExceptionMapper
    public Response notFound(CaseNotFoundException e) {
        return problems.of(404, "case-not-found", e.getMessage(), "id");
    }

    @ServerExceptionMapper
    public Response erased(io.undersign.runtime.cases.CaseErasedException e) {
        return problems.of(409, "case-erased", e.getMessage(), "id");
    }

    @ServerExceptionMapper
    public Response notErased(NotErasedException e) {
        return problems.of(404, "not-erased", e.getMessage(), "id");
    }

    @ServerExceptionMapper
    public Response referenceTaken(io.undersign.runtime.cases.ReferenceTakenException e) {
        return problems.of(409, "reference-taken", e.getMessage(), "reference");
    }
}

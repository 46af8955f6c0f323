package io.undersign.controlplane.api;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.undersign.http.Problems;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The admin API's own refusals as RFC 9457 problem+json; what every API meets (bodies, bean
 * validation, parameters, the unexpected) is mapped by {@link io.undersign.http.CommonProblemMappers}.
 */
public class ProblemMappers {

    @Inject
    Problems problems;

    @ServerExceptionMapper
    public Response domain(DomainException e) {
        return problems.of(e.kind().status, e.type(), e.getMessage(), e.field());
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return problems.builder(401, "unauthorized", "A valid bearer token is required", "Authorization", null)
                .header("WWW-Authenticate", "Bearer").build();
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        return unauthorized(null);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return problems.of(403, "forbidden", "Your token's role does not allow this action", "Authorization");
    }
}

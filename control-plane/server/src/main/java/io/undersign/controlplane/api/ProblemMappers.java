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

    @Inject
    io.undersign.controlplane.audit.AuditLog audit;

    @Inject
    io.quarkus.security.identity.CurrentIdentityAssociation identities;

    @Inject
    io.vertx.ext.web.RoutingContext http;

    @ServerExceptionMapper
    public Response domain(DomainException e) {
        return e.errors().isEmpty() ? problems.of(e.kind().status, e.type(), e.getMessage(), e.field())
                : problems.of(e.kind().status, e.type(), e.getMessage(), e.field(), e.errors());
    }

    @ServerExceptionMapper
    public io.smallrye.mutiny.Uni<Response> unauthorized(UnauthorizedException e) {
        // the browser page asks for the token as a Basic password, so a person can sign in to it
        boolean page = http.request().path().startsWith("/oncall/");
        return refused("auth.unauthenticated", "no valid bearer token",
                problems.builder(401, "unauthorized", "A valid bearer token is required", "Authorization", null)
                        .header("WWW-Authenticate", page ? "Basic realm=\"Undersign on-call (your API token as the password)\", charset=\"UTF-8\"" : "Bearer")
                        .build());
    }

    @ServerExceptionMapper
    public io.smallrye.mutiny.Uni<Response> authenticationFailed(AuthenticationFailedException e) {
        return unauthorized(null);
    }

    @ServerExceptionMapper
    public io.smallrye.mutiny.Uni<Response> forbidden(ForbiddenException e) {
        return refused("auth.forbidden", "the token's role does not allow this action",
                problems.of(403, "forbidden", "Your token's role does not allow this action", "Authorization"));
    }

    /**
     * Refusals before any action ran are audited too: who knocked, at which door. The security layer
     * refuses on the event loop, so the identity is read without blocking and the entry written on a worker.
     */
    private io.smallrye.mutiny.Uni<Response> refused(String action, String why, Response response) {
        String door = http.request().method() + " " + http.request().path() + ": " + why;
        String requestId = problems.requestId();
        return identities.getDeferredIdentity()
                .onItem().transform(identity -> identity == null || identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName())
                .onFailure().recoverWithItem("anonymous")
                .emitOn(io.smallrye.mutiny.infrastructure.Infrastructure.getDefaultWorkerPool())
                .map(actor -> {
                    audit.record(actor, action, null, requestId, "refused", door);
                    return response;
                })
                // the refusal stands whether or not it could be written down
                .onFailure().recoverWithItem(response);
    }
}

package io.undersign.controlplane.audit;

import io.quarkus.security.identity.SecurityIdentity;
import io.undersign.controlplane.api.CallContext;
import io.undersign.controlplane.api.DomainException;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

@Audited("")
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class AuditedInterceptor {

    @Inject
    AuditLog audit;

    @Inject
    CallContext call;

    @Inject
    SecurityIdentity identity;

    @AroundInvoke
    Object record(InvocationContext invocation) throws Exception {
        String action = invocation.getMethod().getAnnotation(Audited.class).value();
        String actor = identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
        try {
            Object result = invocation.proceed();
            audit.record(actor, action, call.tenantId(), call.requestId(), "succeeded", null);
            return result;
        } catch (DomainException | jakarta.validation.ConstraintViolationException e) {
            audit.record(actor, action, call.tenantId(), call.requestId(), "refused", e.getMessage());
            throw e;
        } catch (RuntimeException e) {
            audit.record(actor, action, call.tenantId(), call.requestId(), "failed", e.getClass().getSimpleName());
            throw e;
        }
    }
}

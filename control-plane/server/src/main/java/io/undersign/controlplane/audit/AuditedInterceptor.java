package io.undersign.controlplane.audit;

import io.quarkus.security.identity.SecurityIdentity;
import io.undersign.controlplane.api.DomainException;
import io.undersign.contract.TenantIds;
import io.undersign.http.RequestId;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.lang.annotation.Annotation;

/** Records an {@link Audited} action with its outcome; around bean validation, so refused calls are recorded too. */
@Audited("")
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class AuditedInterceptor {

    @Inject
    AuditLog audit;

    @Inject
    RequestId requestId;

    @Inject
    SecurityIdentity identity;

    @Inject
    AuditNote note;

    @AroundInvoke
    Object record(InvocationContext invocation) throws Exception {
        String action = invocation.getMethod().getAnnotation(Audited.class).value();
        String actor = identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
        String tenantId = tenantOf(invocation);
        try {
            Object result = invocation.proceed();
            audit.record(actor, action, tenantId, requestId.value(), "succeeded", note.text());
            return result;
        } catch (DomainException e) {
            audit.record(actor, action, tenantId, requestId.value(), "refused", e.getMessage());
            throw e;
        } catch (jakarta.validation.ConstraintViolationException e) {
            // in the request's own terms ("contactEmail: must be…"), not the Java method's ("create.request.contactEmail")
            audit.record(actor, action, tenantId, requestId.value(), "refused", io.undersign.http.CommonProblemMappers.describe(e));
            throw e;
        } catch (RuntimeException e) {
            audit.record(actor, action, tenantId, requestId.value(), "failed", e.getClass().getSimpleName());
            throw e;
        }
    }

    /** The {@link AuditedTenant} argument, when it is a well-formed tenant id (what a caller typed is not a tenant). */
    private static String tenantOf(InvocationContext invocation) {
        Annotation[][] annotations = invocation.getMethod().getParameterAnnotations();
        for (int i = 0; i < annotations.length; i++) {
            for (Annotation a : annotations[i]) {
                if (a instanceof AuditedTenant) {
                    Object argument = invocation.getParameters()[i];
                    String id = argument instanceof AuditedTenant.Subject s ? s.tenantId() : argument instanceof String text ? text : null;
                    return id != null && TenantIds.wellFormed(id) ? id : null;
                }
            }
        }
        return null;
    }
}

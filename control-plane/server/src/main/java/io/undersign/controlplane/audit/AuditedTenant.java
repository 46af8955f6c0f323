package io.undersign.controlplane.audit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the parameter of an {@link Audited} method that names the tenant acted on: a tenant id, or
 * a request that {@link Subject names one}. The audit entry takes it from the call itself.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface AuditedTenant {

    /** A request that names the tenant it acts on. */
    interface Subject {
        String tenantId();
    }
}

package io.undersign.controlplane.driver;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a tenant's underwriters sign in to its workbench: locally a Keycloak realm per tenant that
 * the platform makes; on AWS the insurer's own identity provider, named in configuration.
 */
public interface IdentityRealms {

    /** Idempotent: makes (or converges) what the tenant's sign-in needs. Returns names, never secrets. */
    Map<String, String> register(TenantSpec tenant) throws Exception;

    /** Idempotent: removing what is already gone succeeds. */
    Map<String, String> remove(TenantSpec tenant) throws Exception;

    /** What the tenant's runtime signs its underwriters in with; empty when none is set up (the workbench stays closed). */
    Optional<SignIn> signIn(TenantSpec tenant);

    /**
     * Demo underwriters of every role in the tenant's realm (made once, the same on every call),
     * with their passwords: for trying the workbench on the local platform. The AWS side has none:
     * the insurer's own directory holds its people.
     */
    List<DemoUnderwriter> demoUnderwriters(TenantSpec tenant) throws Exception;

    /** An OpenID Connect client of the tenant's runtime. */
    record SignIn(String issuer, String clientId, String clientSecret) {
        @Override
        public String toString() {
            return "SignIn[" + issuer + ", " + clientId + "]";
        }
    }

    record DemoUnderwriter(String username, String password, String name, String role) {
    }
}

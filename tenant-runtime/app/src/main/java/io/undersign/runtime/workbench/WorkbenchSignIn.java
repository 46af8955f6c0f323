package io.undersign.runtime.workbench;

import io.quarkus.oidc.Oidc;
import io.quarkus.oidc.OidcTenantConfig;
import io.undersign.contract.WorkbenchRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Signs underwriters in with the tenant's identity provider (OpenID Connect authorization code
 * flow with PKCE), when the control plane delivered one. The settings are read from the runtime's
 * own environment, not from its configuration, so nothing in them is expanded. Without them the
 * workbench is closed and says so.
 */
@ApplicationScoped
public class WorkbenchSignIn {
    private static final Logger LOG = Logger.getLogger(WorkbenchSignIn.class);

    private volatile boolean configured;

    void create(@Observes Oidc oidc) {
        String issuer = System.getenv(WorkbenchRoles.ISSUER_VARIABLE);
        String clientId = System.getenv(WorkbenchRoles.CLIENT_ID_VARIABLE);
        String secret = System.getenv(WorkbenchRoles.CLIENT_SECRET_VARIABLE);
        String rolesClaim = System.getenv(WorkbenchRoles.ROLES_CLAIM_VARIABLE);
        if (issuer == null || issuer.isBlank() || clientId == null || secret == null || secret.isBlank()) {
            LOG.info("No identity provider delivered: the workbench is closed");
            return;
        }
        oidc.create(OidcTenantConfig.authServerUrl(issuer)
                .applicationType(io.quarkus.oidc.runtime.OidcTenantConfig.ApplicationType.WEB_APP)
                .clientId(clientId)
                .credentials(secret)
                .roles().source(io.quarkus.oidc.runtime.OidcTenantConfig.Roles.Source.accesstoken).roleClaimPath(rolesClaim == null || rolesClaim.isBlank() ? WorkbenchRoles.DEFAULT_ROLES_CLAIM : rolesClaim).end()
                .authentication()
                    .pkceRequired(true)
                    .cookiePath("/workbench")
                    .cookieForceSecure(true)
                    .restorePathAfterRedirect(true)
                    .removeRedirectParameters(true)
                    .end()
                .logout().path("/workbench/sign-out").postLogoutPath("/workbench/signed-out").end()
                .build());
        configured = true;
        LOG.infof("Workbench sign-in through %s", issuer);
    }

    public boolean configured() {
        return configured;
    }
}

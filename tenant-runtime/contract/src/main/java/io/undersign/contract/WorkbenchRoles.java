package io.undersign.contract;

import java.util.List;

/**
 * What the tenant's identity provider and its workbench agree on: the roles an underwriter's token
 * carries, the workbench's client, and how its sign-in settings reach the runtime (environment
 * variables the runtime reads itself: an issuer or secret is never configuration to expand).
 */
public final class WorkbenchRoles {
    public static final String UNDERWRITER = "underwriter";
    public static final String SENIOR_UNDERWRITER = "senior-underwriter";
    public static final String CHIEF_UNDERWRITER = "chief-underwriter";
    /** Least authority first. */
    public static final List<String> ALL = List.of(UNDERWRITER, SENIOR_UNDERWRITER, CHIEF_UNDERWRITER);

    public static final String CLIENT_ID = "undersign-workbench";
    /** Set in a token when an administrator acts as the person (Keycloak impersonation). */
    public static final String IMPERSONATOR_CLAIM = "impersonator";

    public static final String ISSUER_VARIABLE = "UNDERSIGN_OIDC_ISSUER";
    public static final String CLIENT_ID_VARIABLE = "UNDERSIGN_OIDC_CLIENT_ID";
    public static final String CLIENT_SECRET_VARIABLE = "UNDERSIGN_OIDC_CLIENT_SECRET";
    /** Where the access token carries the roles (optional): Keycloak's realm roles unless the insurer's IdP puts them elsewhere. */
    public static final String ROLES_CLAIM_VARIABLE = "UNDERSIGN_OIDC_ROLES_CLAIM";
    public static final String DEFAULT_ROLES_CLAIM = "realm_access/roles";

    private WorkbenchRoles() {
    }
}

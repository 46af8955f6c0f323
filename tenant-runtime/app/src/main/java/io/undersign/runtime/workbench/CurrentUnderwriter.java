package io.undersign.runtime.workbench;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.undersign.contract.WorkbenchRoles;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is signed in to this request, from their ID token and the roles in their access token. */
@RequestScoped
public class CurrentUnderwriter {

    @Inject
    SecurityIdentity identity;

    @Inject
    WorkbenchSignIn signIn;

    private Underwriter resolved;

    /** The person, or a sign-in first (a redirect to the identity provider); a closed workbench says so. */
    public Underwriter require() {
        if (resolved != null) {
            return resolved;
        }
        if (!signIn.configured()) {
            throw new WorkbenchClosedException();
        }
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            throw new UnauthorizedException();
        }
        Set<String> roles = new TreeSet<>(identity.getRoles());
        roles.retainAll(WorkbenchRoles.ALL);
        String username = token.getClaim("preferred_username");
        String name = token.getClaim("name");
        resolved = new Underwriter(token.getSubject(), username == null ? token.getSubject() : username,
                name == null || name.isBlank() ? (username == null ? token.getSubject() : username) : name, roles, impersonator(token));
        return resolved;
    }

    private static String impersonator(JsonWebToken token) {
        Object claim = token.getClaim(WorkbenchRoles.IMPERSONATOR_CLAIM);
        if (claim == null) {
            // RFC 8693 delegation says who acts, too
            Object act = token.getClaim("act");
            return act == null ? null : String.valueOf(act);
        }
        if (claim instanceof jakarta.json.JsonObject object) {
            return object.containsKey("username") ? object.getString("username", "someone") : object.toString();
        }
        if (claim instanceof Map<?, ?> map) {
            Object username = map.get("username");
            return String.valueOf(username == null ? map : username);
        }
        return String.valueOf(claim);
    }
}

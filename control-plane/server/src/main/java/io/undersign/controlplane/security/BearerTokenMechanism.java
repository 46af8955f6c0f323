package io.undersign.controlplane.security;

import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * Reads {@code Authorization: Bearer <token>}, or the token as the password of HTTP Basic (what a
 * browser can send: the local on-call phone page); requests without one stay anonymous.
 */
@ApplicationScoped
public class BearerTokenMechanism implements HttpAuthenticationMechanism {
    private static final String PREFIX = "Bearer ";
    private static final String BASIC = "Basic ";
    /** Pages a person opens in a browser: a 401 there asks for the token as a password. */
    private static final String BROWSER_PAGES = "/oncall/";

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String header = context.request().getHeader("Authorization");
        String token = header == null ? null
                : header.regionMatches(true, 0, PREFIX, 0, PREFIX.length()) ? header.substring(PREFIX.length()).trim()
                : header.regionMatches(true, 0, BASIC, 0, BASIC.length()) ? basicPassword(header.substring(BASIC.length()).trim())
                : null;
        if (token == null || token.isEmpty()) {
            return Uni.createFrom().nullItem();
        }
        return identityProviderManager.authenticate(new TokenAuthenticationRequest(new TokenCredential(token, "bearer")));
    }

    private static String basicPassword(String encoded) {
        try {
            String pair = new String(java.util.Base64.getDecoder().decode(encoded), java.nio.charset.StandardCharsets.UTF_8);
            int colon = pair.indexOf(':');
            return colon < 0 ? null : pair.substring(colon + 1);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        String path = context.request().path();
        boolean page = path != null && path.startsWith(BROWSER_PAGES);
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate",
                page ? "Basic realm=\"Undersign on-call (any user name, your API token as the password)\", charset=\"UTF-8\"" : "Bearer"));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(TokenAuthenticationRequest.class);
    }
}

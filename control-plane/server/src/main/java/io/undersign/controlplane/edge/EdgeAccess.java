package io.undersign.controlplane.edge;

import io.undersign.controlplane.tenant.TlsPolicies;
import java.util.Map;
import java.util.Set;
import javax.security.auth.x500.X500Principal;

/**
 * Who may pass the local edge, as one pure function of what the edge knows about a request: the
 * face it came in on, the host it names and the name its TLS handshake named, the protocol, the
 * path, the declared body size and the client certificate. {@link LocalEdge} gathers the facts
 * and carries out the verdict; every rule is here, in the order it applies.
 */
final class EdgeAccess {

    private EdgeAccess() {
    }

    /** Which face of the edge a request came in on. */
    enum Face { PLAIN, INTERVIEW_TLS, API_MTLS }

    /** The client certificate's issuer and serial (hex), as the API face saw it in the handshake. */
    record ClientCertificate(X500Principal issuer, String serialHex) {
    }

    /**
     * A request as the edge sees it. {@code serverName}: the SNI host name (null when none);
     * {@code protocol}: the negotiated TLS version (null on the plain face); {@code contentLength}:
     * the header as sent; {@code certificate}: null when none was presented.
     */
    record Facts(Face face, String host, String serverName, String protocol, String path, String contentLength,
            ClientCertificate certificate) {
    }

    /** What the edge does with the request. */
    enum Verdict {
        /** To the tenant's runtime. */
        PROXY,
        /** No tenant holds the host: the platform's 404 page. */
        UNKNOWN_HOST,
        /** No tenant holds the host, asked on the API face or for an api. name: 404 problem+json, what API clients parse. */
        UNKNOWN_API_HOST,
        /** The host is not the one the handshake named: 421, in the platform's name unless it is an API host. */
        MISDIRECTED,
        /** The host is the other face's (an api. host on the interview port or the reverse): 421. */
        WRONG_FACE,
        /** The negotiated protocol is below the tenant's TLS policy: the connection is closed. */
        CLOSE_CONNECTION,
        /** The API face without a usable client certificate: 403 problem+json, the reason in {@link Decision#detail}. */
        CLIENT_CERTIFICATE_REFUSED,
        /** Plain HTTP to an interview host: 308 to https. */
        REDIRECT_TO_HTTPS,
        /** Plain HTTP to an API host: 403 problem+json (mutual TLS required). */
        PLAIN_API_REFUSED,
        /** An API path on an interview host, which carries no client certificate: 403 problem+json. */
        API_PATH_ON_INTERVIEW_HOST,
        /** The runtime's own endpoints ({@code /q/…}: OpenAPI, health, metrics) asked of an interview host over TLS: not for the public, 404. */
        INTERNAL_PATH,
        /** The tenant is suspended: 503 with Retry-After. */
        SUSPENDED,
        /** The tenant's runtime is not running: 503 with Retry-After. */
        RUNTIME_DOWN,
        /** The declared body is larger than the runtime takes: 413. */
        TOO_LARGE
    }

    record Decision(Verdict verdict, String detail) {
        static Decision of(Verdict verdict) {
            return new Decision(verdict, null);
        }
    }

    /**
     * {@code route}: where the host leads (null: nowhere); {@code caTenants}: which tenant each
     * client CA belongs to; {@code revokedSerials}: revoked client certificates (hex serials).
     */
    static Decision decide(Facts request, RouteTable.Route route, Map<X500Principal, String> caTenants, Set<String> revokedSerials,
            long maxBodyBytes) {
        if (route == null) {
            boolean apiClient = request.face() == Face.API_MTLS || request.host().startsWith(HostRoutes.API + ".");
            return Decision.of(apiClient ? Verdict.UNKNOWN_API_HOST : Verdict.UNKNOWN_HOST);
        }
        if (request.face() != Face.PLAIN) {
            if (!request.host().equals(request.serverName())) {
                return Decision.of(Verdict.MISDIRECTED);
            }
            String expectedKind = request.face() == Face.API_MTLS ? HostRoutes.API : HostRoutes.INTERVIEW;
            if (!expectedKind.equals(route.kind())) {
                return Decision.of(Verdict.WRONG_FACE);
            }
            if (request.protocol() == null || !TlsPolicies.of(route.tlsPolicy()).protocols().contains(request.protocol())) {
                return Decision.of(Verdict.CLOSE_CONNECTION);
            }
            if (request.face() == Face.API_MTLS) {
                String refusal = certificateRefusal(request.certificate(), route.tenantId(), caTenants, revokedSerials);
                if (refusal != null) {
                    return new Decision(Verdict.CLIENT_CERTIFICATE_REFUSED, refusal);
                }
            }
        } else if (!request.path().startsWith("/q/health")) {
            // plain HTTP carries no secrets; both kinds keep their health check for load-balancer probes
            return Decision.of(HostRoutes.API.equals(route.kind()) ? Verdict.PLAIN_API_REFUSED : Verdict.REDIRECT_TO_HTTPS);
        }
        if (HostRoutes.INTERVIEW.equals(route.kind()) && ApiPaths.reachesApi(request.path())) {
            return Decision.of(Verdict.API_PATH_ON_INTERVIEW_HOST);
        }
        // load balancers probe health over plain HTTP; applicants' browsers have no business with /q/
        if (HostRoutes.INTERVIEW.equals(route.kind()) && request.face() == Face.INTERVIEW_TLS && ApiPaths.reachesInternal(request.path())) {
            return Decision.of(Verdict.INTERNAL_PATH);
        }
        if (route.suspended()) {
            return Decision.of(Verdict.SUSPENDED);
        }
        if (route.runtimePort() == null) {
            return Decision.of(Verdict.RUNTIME_DOWN);
        }
        if (tooLarge(request.contentLength(), maxBodyBytes)) {
            return Decision.of(Verdict.TOO_LARGE);
        }
        return Decision.of(Verdict.PROXY);
    }

    private static String certificateRefusal(ClientCertificate certificate, String tenantId, Map<X500Principal, String> caTenants,
            Set<String> revokedSerials) {
        if (certificate == null) {
            return "A client certificate is required.";
        }
        if (!tenantId.equals(caTenants.get(certificate.issuer()))) {
            return "This client certificate was not issued for this service.";
        }
        if (revokedSerials.contains(certificate.serialHex())) {
            return "This client certificate has been revoked.";
        }
        return null;
    }

    /** A declared body over the limit is refused here rather than cut off mid-stream. */
    private static boolean tooLarge(String contentLength, long max) {
        try {
            return contentLength != null && Long.parseLong(contentLength.trim()) > max;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}

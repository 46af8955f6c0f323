package io.undersign.controlplane.edge;

import static org.assertj.core.api.Assertions.assertThat;

import io.undersign.controlplane.edge.EdgeAccess.ClientCertificate;
import io.undersign.controlplane.edge.EdgeAccess.Face;
import io.undersign.controlplane.edge.EdgeAccess.Facts;
import io.undersign.controlplane.edge.EdgeAccess.Verdict;
import io.undersign.controlplane.tenant.TlsPolicies;
import java.util.Map;
import java.util.Set;
import javax.security.auth.x500.X500Principal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The edge's access rules alone: every verdict, and the order in which the rules apply. */
class EdgeAccessTest {
    private static final String WEB = "uw.acme.localhost";
    private static final String API = "api.uw.acme.localhost";
    private static final X500Principal ACME_CA = new X500Principal("CN=acme client CA");
    private static final X500Principal GLOBEX_CA = new X500Principal("CN=globex client CA");
    private static final Map<X500Principal, String> CAS = Map.of(ACME_CA, "acme", GLOBEX_CA, "globex");
    private static final Set<String> REVOKED = Set.of("dead");
    private static final ClientCertificate ACME_CERT = new ClientCertificate(ACME_CA, "beef");
    private static final long MAX = 256 * 1024;

    private static RouteTable.Route route(String kind) {
        return new RouteTable.Route("acme", kind, false, 40001, TlsPolicies.DEFAULT, "Acme", "#123456");
    }

    private static Verdict web(String path) {
        return decide(new Facts(Face.INTERVIEW_TLS, WEB, WEB, "TLSv1.3", path, null, null), route(HostRoutes.INTERVIEW));
    }

    private static Verdict api(ClientCertificate certificate) {
        return decide(new Facts(Face.API_MTLS, API, API, "TLSv1.3", "/api/v1/cases", null, certificate), route(HostRoutes.API));
    }

    private static Verdict decide(Facts facts, RouteTable.Route route) {
        return EdgeAccess.decide(facts, route, CAS, REVOKED, MAX).verdict();
    }

    @Test
    void aKnownHostOnItsOwnFaceIsPassedOn() {
        assertThat(web("/interview/start")).isEqualTo(Verdict.PROXY);
        assertThat(api(ACME_CERT)).isEqualTo(Verdict.PROXY);
    }

    @Test
    void anUnknownHostIsNotFoundOnEveryFaceAsAPageOrForApiClientsAsAProblem() {
        for (Face face : Face.values()) {
            assertThat(decide(new Facts(face, "nobody.localhost", "nobody.localhost", "TLSv1.3", "/", null, ACME_CERT), null))
                    .isEqualTo(face == Face.API_MTLS ? Verdict.UNKNOWN_API_HOST : Verdict.UNKNOWN_HOST);
            assertThat(decide(new Facts(face, "api.web.nobody.localhost", "api.web.nobody.localhost", "TLSv1.3", "/api/v1/cases", null,
                    ACME_CERT), null)).isEqualTo(Verdict.UNKNOWN_API_HOST);
        }
    }

    @Test
    void aHostOtherThanTheHandshakeNamedIsMisdirected() {
        // one tenant's connection must not carry requests for another host, nor for none named
        assertThat(decide(new Facts(Face.INTERVIEW_TLS, WEB, "uw.globex.localhost", "TLSv1.3", "/", null, null), route(HostRoutes.INTERVIEW)))
                .isEqualTo(Verdict.MISDIRECTED);
        assertThat(decide(new Facts(Face.API_MTLS, API, null, "TLSv1.3", "/api/v1/cases", null, ACME_CERT), route(HostRoutes.API)))
                .isEqualTo(Verdict.MISDIRECTED);
    }

    @Test
    void eachHostIsServedOnItsOwnFaceOnly() {
        assertThat(decide(new Facts(Face.INTERVIEW_TLS, API, API, "TLSv1.3", "/api/v1/cases", null, null), route(HostRoutes.API)))
                .isEqualTo(Verdict.WRONG_FACE);
        assertThat(decide(new Facts(Face.API_MTLS, WEB, WEB, "TLSv1.3", "/", null, ACME_CERT), route(HostRoutes.INTERVIEW)))
                .isEqualTo(Verdict.WRONG_FACE);
    }

    @Test
    void aProtocolBelowTheTenantsPolicyClosesTheConnection() {
        RouteTable.Route strict = new RouteTable.Route("acme", HostRoutes.INTERVIEW, false, 40001, TlsPolicies.TLS13_ONLY, "Acme", null);
        assertThat(decide(new Facts(Face.INTERVIEW_TLS, WEB, WEB, "TLSv1.2", "/", null, null), strict)).isEqualTo(Verdict.CLOSE_CONNECTION);
        assertThat(decide(new Facts(Face.INTERVIEW_TLS, WEB, WEB, "TLSv1.3", "/", null, null), strict)).isEqualTo(Verdict.PROXY);
        assertThat(decide(new Facts(Face.INTERVIEW_TLS, WEB, WEB, null, "/", null, null), strict)).isEqualTo(Verdict.CLOSE_CONNECTION);
    }

    @Test
    void theApiTakesOnlyALiveCertificateOfThisTenantsCa() {
        assertThat(EdgeAccess.decide(new Facts(Face.API_MTLS, API, API, "TLSv1.3", "/api/v1/cases", null, null), route(HostRoutes.API),
                CAS, REVOKED, MAX)).isEqualTo(new EdgeAccess.Decision(Verdict.CLIENT_CERTIFICATE_REFUSED, "A client certificate is required."));
        assertThat(EdgeAccess.decide(new Facts(Face.API_MTLS, API, API, "TLSv1.3", "/", null, new ClientCertificate(GLOBEX_CA, "beef")),
                route(HostRoutes.API), CAS, REVOKED, MAX).detail()).isEqualTo("This client certificate was not issued for this service.");
        assertThat(EdgeAccess.decide(new Facts(Face.API_MTLS, API, API, "TLSv1.3", "/", null, new ClientCertificate(ACME_CA, "dead")),
                route(HostRoutes.API), CAS, REVOKED, MAX).detail()).isEqualTo("This client certificate has been revoked.");
        // a CA no tenant owns is nobody's
        assertThat(api(new ClientCertificate(new X500Principal("CN=stranger"), "beef"))).isEqualTo(Verdict.CLIENT_CERTIFICATE_REFUSED);
    }

    @Test
    void plainHttpRedirectsTheInterviewRefusesTheApiAndKeepsHealthChecks() {
        assertThat(decide(new Facts(Face.PLAIN, WEB, null, null, "/interview/start", null, null), route(HostRoutes.INTERVIEW)))
                .isEqualTo(Verdict.REDIRECT_TO_HTTPS);
        assertThat(decide(new Facts(Face.PLAIN, API, null, null, "/api/v1/cases", null, null), route(HostRoutes.API)))
                .isEqualTo(Verdict.PLAIN_API_REFUSED);
        assertThat(decide(new Facts(Face.PLAIN, WEB, null, null, "/q/health/ready", null, null), route(HostRoutes.INTERVIEW)))
                .isEqualTo(Verdict.PROXY);
        assertThat(decide(new Facts(Face.PLAIN, API, null, null, "/q/health/ready", null, null), route(HostRoutes.API)))
                .isEqualTo(Verdict.PROXY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/cases", "/API/v1/cases", "/%61pi/v1/cases", "//api/v1/cases", "/x/../api/v1/cases", "/api;x=1/v1"})
    void theInterviewHostNeverReachesTheApi(String path) {
        assertThat(web(path)).as(path).isEqualTo(Verdict.API_PATH_ON_INTERVIEW_HOST);
        // not even over plain HTTP's health exception
        assertThat(decide(new Facts(Face.PLAIN, WEB, null, null, "/q/health/../../" + path, null, null), route(HostRoutes.INTERVIEW)))
                .isIn(Verdict.API_PATH_ON_INTERVIEW_HOST, Verdict.REDIRECT_TO_HTTPS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/q/openapi", "/q/health", "/Q/metrics", "/%71/openapi", "/x/../q/openapi", "//q/health/ready"})
    void theRuntimesOwnEndpointsAreNotServedToTheInterviewsVisitors(String path) {
        assertThat(web(path)).as(path).isEqualTo(Verdict.INTERNAL_PATH);
        // the API host keeps its OpenAPI document and health for integrators, behind mutual TLS
        assertThat(decide(new Facts(Face.API_MTLS, API, API, "TLSv1.3", path, null, ACME_CERT), route(HostRoutes.API))).isEqualTo(Verdict.PROXY);
    }

    @Test
    void aSuspendedTenantOrAStoppedRuntimeAnswers503BeforeAnyBodyIsRead() {
        RouteTable.Route suspended = new RouteTable.Route("acme", HostRoutes.INTERVIEW, true, 40001, TlsPolicies.DEFAULT, "Acme", null);
        RouteTable.Route down = new RouteTable.Route("acme", HostRoutes.INTERVIEW, false, null, TlsPolicies.DEFAULT, "Acme", null);
        Facts huge = new Facts(Face.INTERVIEW_TLS, WEB, WEB, "TLSv1.3", "/interview/x", String.valueOf(MAX + 1), null);
        assertThat(decide(huge, suspended)).isEqualTo(Verdict.SUSPENDED);
        assertThat(decide(huge, down)).isEqualTo(Verdict.RUNTIME_DOWN);
        assertThat(decide(huge, route(HostRoutes.INTERVIEW))).isEqualTo(Verdict.TOO_LARGE);
        assertThat(decide(new Facts(Face.INTERVIEW_TLS, WEB, WEB, "TLSv1.3", "/interview/x", String.valueOf(MAX), null),
                route(HostRoutes.INTERVIEW))).isEqualTo(Verdict.PROXY);
        assertThat(decide(new Facts(Face.INTERVIEW_TLS, WEB, WEB, "TLSv1.3", "/interview/x", "not-a-number", null),
                route(HostRoutes.INTERVIEW))).as("Vert.x refuses a malformed length itself").isEqualTo(Verdict.PROXY);
    }

    @Test
    void theTlsChecksComeBeforeEverythingAboutTheTenant() {
        // a suspended tenant's page must not be shown to a connection opened for another host
        RouteTable.Route suspended = new RouteTable.Route("acme", HostRoutes.API, true, null, TlsPolicies.DEFAULT, "Acme", null);
        assertThat(decide(new Facts(Face.API_MTLS, API, API, "TLSv1.3", "/api/v1/cases", null, null), suspended))
                .isEqualTo(Verdict.CLIENT_CERTIFICATE_REFUSED);
        assertThat(decide(new Facts(Face.API_MTLS, API, "other.localhost", "TLSv1.3", "/api/v1/cases", null, null), suspended))
                .isEqualTo(Verdict.MISDIRECTED);
    }
}

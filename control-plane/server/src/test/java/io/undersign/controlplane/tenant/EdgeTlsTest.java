package io.undersign.controlplane.tenant;

import static io.undersign.controlplane.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.undersign.controlplane.security.Role;
import io.undersign.controlplane.support.Api;
import io.undersign.controlplane.support.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * TLS at the local edge, checked with real clients (curl, openssl s_client): the interview host
 * under the tenant's cipher policy, and the api. host behind mutual TLS with the tenant's own CA.
 */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class EdgeTlsTest {
    private static final int TLS = 18443;
    private static final int MTLS = 18444;
    private static String acme;
    private static String beta;
    private static Path dir;

    @BeforeEach
    void tenants() throws IOException {
        if (acme == null) {
            acme = Api.uniqueId("tls-a");
            beta = Api.uniqueId("tls-b");
            Api.onboard(acme);
            Api.onboard(beta);
            dir = Files.createTempDirectory("edge-tls");
            issue(acme, "acme");
            issue(beta, "beta");
        }
    }

    @Test
    void theInterviewHostServesTheDefaultPolicyOnly() throws Exception {
        String host = "uw." + acme + ".localhost";
        Result page = run("curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", "--cacert", file("edge-ca.pem"),
                "https://" + host + ":" + TLS + "/");
        assertThat(page.out()).isEqualTo("200");
        for (String path : List.of("/api/v1/cases", "/%61pi/v1/cases", "/interview/../api/v1/cases")) {
            Result api = run("curl", "-s", "--path-as-is", "-o", "/dev/null", "-w", "%{http_code}", "--cacert", file("edge-ca.pem"),
                    "https://" + host + ":" + TLS + path);
            assertThat(api.out()).as("the API is not served on the interview host: " + path).isEqualTo("403");
        }
        for (String path : List.of("/q/openapi", "/q/health/ready", "/%71/metrics")) {
            Result internal = run("curl", "-s", "--path-as-is", "-o", "/dev/null", "-w", "%{http_code}", "--cacert", file("edge-ca.pem"),
                    "https://" + host + ":" + TLS + path);
            assertThat(internal.out()).as("the runtime's own endpoints are not for the interview's visitors: " + path).isEqualTo("404");
        }

        Result gcm = openssl(host, "-tls1_2", "-cipher", "ECDHE-RSA-AES128-GCM-SHA256");
        assertThat(gcm.exit()).as(gcm.out()).isZero();
        assertThat(gcm.out()).contains("ECDHE-RSA-AES128-GCM-SHA256");
        assertThat(openssl(host, "-tls1_2", "-cipher", "ECDHE-RSA-AES128-SHA256").exit()).as("CBC suite refused").isNotZero();
        assertThat(openssl(host, "-tls1_2", "-cipher", "ECDHE-RSA-AES256-SHA384").exit()).as("CBC suite refused").isNotZero();
        assertThat(openssl(host, "-tls1_1").exit()).as("TLS 1.1 refused").isNotZero();
        assertThat(openssl(host, "-tls1_3").exit()).isZero();

        JsonPath shown = Api.tenant(acme);
        assertThat(shown.getString("tls.name")).isEqualTo("ELBSecurityPolicy-TLS13-1-2-Res-2021-06");
        assertThat(shown.getList("tls.cipherSuites", String.class)).contains("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256")
                .allMatch(suite -> suite.contains("GCM") || suite.equals("TLS_CHACHA20_POLY1305_SHA256"), "GCM (ChaCha20 on TLS 1.3 only), no CBC");
    }

    @Test
    void aTenantWithAStricterPolicyIsServedOverTls13Only() throws Exception {
        String strict = Api.uniqueId("tls13");
        String operation = as(Role.OPERATOR).body(Map.of("id", strict, "displayName", "Strict", "tlsPolicy", "ELBSecurityPolicy-TLS13-1-3-2021-06"))
                .post("/api/v1/tenants").then().statusCode(202).extract().path("operation.id");
        assertThat(Api.awaitOperation(operation).getString("status")).isEqualTo("SUCCEEDED");
        String url = "https://uw." + strict + ".localhost:" + TLS + "/";
        assertThat(run("curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", "--cacert", file("edge-ca.pem"), "--tlsv1.3", url).out())
                .isEqualTo("200");
        Result tls12 = run("curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", "--cacert", file("edge-ca.pem"), "--tls-max", "1.2", url);
        assertThat(tls12.out()).as("TLS 1.2 refused for this tenant").isEqualTo("000");
        assertThat(Api.tenant(strict).getList("tls.protocols")).containsExactly("TLSv1.3");
    }

    @Test
    void theApiHostRequiresAClientCertificateFromTheTenantsOwnCa() throws Exception {
        String api = "https://api.uw." + acme + ".localhost:" + MTLS + "/api/v1/cases";
        Result none = run("curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", "--cacert", file("edge-ca.pem"), api);
        assertThat(none.exit()).as("no certificate: handshake refused").isNotZero();
        assertThat(none.out()).isIn("000", "");

        Result own = curlWith("acme", api, "POST", "{\"answers\": {\"height_cm\": 999}}");
        assertThat(own.out()).as("acme's certificate reaches acme's runtime (which refuses the answers)").isEqualTo("422");

        Result other = curlWith("beta", api, "POST", "{\"answers\": {}}");
        assertThat(other.out()).as("beta's certificate on acme's host").isEqualTo("403");

        String serial = Files.readString(Path.of(file("acme.serial")));
        as(Role.OPERATOR).post("/api/v1/tenants/" + acme + "/certificates/" + serial + "/revoke").then().statusCode(200);
        assertThat(curlWith("acme", api, "GET", null).out()).as("revoked").isEqualTo("403");
        assertThat(as(Role.VIEWER).get("/api/v1/tenants/" + acme + "/certificates").then().extract().jsonPath()
                .getString("[0].revokedAt")).isNotNull();
        assertThat(curlWith("beta", "https://api.uw." + beta + ".localhost:" + MTLS + "/api/v1/cases", "GET", null).out()).isEqualTo("200");
    }

    /** sslscan (Debian's, installed by .ci/run) sees exactly the policy: its suites, its groups, nothing else. */
    @Test
    void anIndependentScannerFindsExactlyThePolicysSuitesAndGroups() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("CI") != null || new java.io.File("/usr/bin/sslscan").canExecute(),
                "sslscan is not installed (apt-get install sslscan); CI installs it");
        String host = "uw." + acme + ".localhost";
        Result scan = run("sslscan", "--no-colour", "--xml=-", "--sni-name=" + host, "127.0.0.1:" + TLS);
        assertThat(scan.exit()).as(scan.out()).isZero();
        var xml = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(scan.out().substring(scan.out().indexOf("<?xml")).getBytes()));
        List<String> accepted = new ArrayList<>();
        var ciphers = xml.getElementsByTagName("cipher");
        for (int i = 0; i < ciphers.getLength(); i++) {
            var c = (org.w3c.dom.Element) ciphers.item(i);
            if (c.getAttribute("status").equals("accepted") || c.getAttribute("status").equals("preferred")) {
                accepted.add(c.getAttribute("sslversion") + " " + c.getAttribute("cipher"));
            }
        }
        // the server's certificate is RSA, so the policy's ECDSA suites cannot be negotiated
        assertThat(accepted).containsExactlyInAnyOrder("TLSv1.3 TLS_AES_128_GCM_SHA256", "TLSv1.3 TLS_AES_256_GCM_SHA384",
                "TLSv1.3 TLS_CHACHA20_POLY1305_SHA256", "TLSv1.2 ECDHE-RSA-AES128-GCM-SHA256", "TLSv1.2 ECDHE-RSA-AES256-GCM-SHA384");
        List<String> groups = new ArrayList<>();
        var offered = xml.getElementsByTagName("group");
        for (int i = 0; i < offered.getLength(); i++) {
            groups.add(((org.w3c.dom.Element) offered.item(i)).getAttribute("name").split(" ")[0]);
        }
        assertThat(groups).isNotEmpty().allMatch(g -> List.of("x25519", "secp256r1", "secp384r1").contains(g), "only the policy's groups")
                .contains("x25519", "secp256r1", "secp384r1");
        // the tenant's view lists what is served
        assertThat(Api.tenant(acme).getList("tls.cipherSuites", String.class)).doesNotContain("TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");
    }

    @Test
    void aClientCannotRenegotiate() throws Exception {
        String host = "uw." + acme + ".localhost";
        Result renegotiate = run("sh", "-c", "(printf 'R\\n'; sleep 2) | openssl s_client -connect 127.0.0.1:" + TLS + " -servername " + host
                + " -tls1_2 2>&1");
        assertThat(renegotiate.out()).contains("RENEGOTIATING").containsPattern("alert (handshake failure|no renegotiation)");
    }

    @Test
    void theMutualTlsListenerNamesNoTenantsCa() throws Exception {
        for (String tls : new String[] {"-tls1_2", "-tls1_3"}) {
            Result hello = run("sh", "-c", "openssl s_client -connect 127.0.0.1:" + MTLS + " -servername api.uw." + acme + ".localhost " + tls
                    + " < /dev/null 2>&1");
            assertThat(hello.out()).as(tls).contains("No client certificate CA names sent").doesNotContain(beta).doesNotContain(acme + " client CA");
        }
    }

    @Test
    void aConnectionOpenedForOneTenantCannotBeUsedForAnother() throws Exception {
        String a = "uw." + acme + ".localhost";
        String b = "uw." + beta + ".localhost";
        Result crossed = run("curl", "-s", "-w", "\\n%{http_code}", "--cacert", file("edge-ca.pem"), "--resolve", a + ":" + TLS + ":127.0.0.1",
                "-H", "Host: " + b, "https://" + a + ":" + TLS + "/");
        assertThat(crossed.out()).endsWith("421").doesNotContain("Tenant " + beta);
        Result own = run("curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", "--cacert", file("edge-ca.pem"), "https://" + b + ":" + TLS + "/");
        assertThat(own.out()).isEqualTo("200");
    }

    private static void issue(String tenant, String name) throws IOException {
        JsonPath issued = as(Role.OPERATOR).body(Map.of("name", name + "-integrator")).post("/api/v1/tenants/" + tenant + "/certificates")
                .then().statusCode(201).extract().jsonPath();
        Files.writeString(dir.resolve(name + ".crt"), issued.getString("certificatePem"));
        Files.writeString(dir.resolve(name + ".key"), issued.getString("privateKeyPem"));
        Files.writeString(dir.resolve(name + ".serial"), issued.getString("serial"));
        Files.writeString(dir.resolve("edge-ca.pem"), issued.getString("edgeCaPem"));
    }

    private static Result curlWith(String who, String url, String method, String body) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", "--cacert", file("edge-ca.pem"),
                "--cert", file(who + ".crt"), "--key", file(who + ".key"), "-X", method, "-H", "Content-Type: application/json"));
        if (body != null) {
            cmd.addAll(List.of("-d", body));
        }
        cmd.add(url);
        return run(cmd.toArray(String[]::new));
    }

    private static Result openssl(String host, String... options) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("openssl", "s_client", "-connect", "127.0.0.1:" + TLS, "-servername", host));
        cmd.addAll(List.of(options));
        return run(cmd.toArray(String[]::new));
    }

    private static String file(String name) {
        return dir.resolve(name).toString();
    }

    record Result(int exit, String out) {
    }

    private static Result run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        String out = new String(p.getInputStream().readAllBytes()).strip();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        return new Result(p.exitValue(), out);
    }

}

package io.undersign.controlplane.support;

import static io.undersign.controlplane.support.Api.as;

import io.restassured.path.json.JsonPath;
import io.undersign.controlplane.security.Role;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * An integrator of one tenant: holds a client certificate issued through the admin API and calls
 * the tenant's api. host on the edge's mutual-TLS port with curl, a real TLS client.
 */
public final class MtlsClient {
    public static final int PORT = 18444;
    private final String host;
    private final Path dir;

    public record Response(int status, String body, String location, String contentType) {
    }

    private MtlsClient(String host, Path dir) {
        this.host = host;
        this.dir = dir;
    }

    /** A client whose certificate was issued by {@code issuingTenant}'s CA, calling {@code tenant}'s API host. */
    public static MtlsClient of(String tenant, String issuingTenant) throws IOException {
        Path dir = Files.createTempDirectory("mtls-" + issuingTenant);
        JsonPath issued = as(Role.OPERATOR).body(Map.of("name", "integrator")).post("/api/v1/tenants/" + issuingTenant + "/certificates")
                .then().statusCode(201).extract().jsonPath();
        Files.writeString(dir.resolve("client.crt"), issued.getString("certificatePem"));
        Files.writeString(dir.resolve("client.key"), issued.getString("privateKeyPem"));
        Files.writeString(dir.resolve("edge-ca.pem"), issued.getString("edgeCaPem"));
        return new MtlsClient("api.uw." + tenant + ".localhost", dir);
    }

    public Response send(String method, String path, String body, String... headers) throws IOException, InterruptedException {
        Path out = dir.resolve("body");
        List<String> cmd = new ArrayList<>(List.of("curl", "-s", "-o", out.toString(), "-w", "%{http_code}\\n%header{location}\\n%{content_type}",
                "--cacert", dir.resolve("edge-ca.pem").toString(), "--cert", dir.resolve("client.crt").toString(),
                "--key", dir.resolve("client.key").toString(), "-X", method, "-H", "Content-Type: application/json"));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            cmd.addAll(List.of("-H", headers[i] + ": " + headers[i + 1]));
        }
        if (body != null) {
            cmd.addAll(List.of("--data-binary", body));
        }
        cmd.add("https://" + host + ":" + PORT + path);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        String[] meta = new String(p.getInputStream().readAllBytes()).split("\n", -1);
        p.waitFor(30, TimeUnit.SECONDS);
        String responseBody = Files.exists(out) ? Files.readString(out) : "";
        Files.deleteIfExists(out);
        return new Response(Integer.parseInt(meta[0].trim()), responseBody, meta.length > 1 ? meta[1].trim() : "",
                meta.length > 2 ? meta[2].trim() : "");
    }

    /** Sends a body too large for a command line, from a file. */
    public Response sendFile(String method, String path, Path body) throws IOException, InterruptedException {
        return send(method, path, "@" + body);
    }

    public Response get(String path) throws IOException, InterruptedException {
        return send("GET", path, null);
    }
}

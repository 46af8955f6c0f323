package io.undersign.controlplane.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The packaged control plane as a process of its own (as operators run it), for tests that kill
 * it or run several replicas on one database: its ports, its home, its admin token, its log.
 */
public final class ControlPlaneProcess {
    public static final String TOKEN = "process-test-token";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** Where a replica listens: API, edge (plain, TLS, mutual TLS) and its embedded broker. */
    public record Ports(int api, int edge, int edgeTls, int edgeMtls, int broker) {
        public static Ports from(int base) {
            return new Ports(base, base + 8, base + 9, base + 10, base + 81);
        }
    }

    private final String server;
    private final String database;
    private final Path home;
    private final Ports ports;
    private final String brokerClientUrl;
    private final List<String> extra;
    private final Path log;
    private Process process;

    public ControlPlaneProcess(String server, String database, Path home, Ports ports, String brokerClientUrl, String name,
            String... extraProperties) {
        this.server = server;
        this.database = database;
        this.home = home;
        this.ports = ports;
        this.brokerClientUrl = brokerClientUrl;
        this.extra = List.of(extraProperties);
        this.log = home.resolve(name + ".log");
    }

    public Ports ports() {
        return ports;
    }

    public Path log() {
        return log;
    }

    public void start() throws IOException {
        Path jar = Path.of("target/quarkus-app/quarkus-run.jar").toAbsolutePath();
        Path runtimeJar = Path.of("../../tenant-runtime/app/target/tenant-runtime.jar").toAbsolutePath().normalize();
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"), "-Xmx256m",
                "-Dundersign.mysql.server=" + server,
                "-Dundersign.mysql.database=" + database,
                "-Dquarkus.http.port=" + ports.api(),
                "-Dundersign.edge.port=" + ports.edge(),
                "-Dundersign.edge.tls-port=" + ports.edgeTls(),
                "-Dundersign.edge.api-tls-port=" + ports.edgeMtls(),
                "-Dundersign.broker.bind-url=tcp://127.0.0.1:" + ports.broker(),
                "-Dundersign.broker.client-url=" + brokerClientUrl,
                "-Dundersign.data-dir=" + home.resolve("data"),
                "-Dundersign.secrets.master-key-file=" + home.resolve("master.key"),
                "-Dundersign.releases-dir=" + home.resolve("releases"),
                "-Dundersign.runtime.jar=" + runtimeJar,
                "-Dundersign.bootstrap-admin-token=" + TOKEN,
                "-Dundersign.operations.retry-backoff=200ms"));
        extra.forEach(p -> command.add("-D" + p));
        command.addAll(List.of("-jar", jar.toString()));
        Files.createDirectories(home);
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                .until(() -> HTTP.send(HttpRequest.newBuilder(uri("/q/health/ready")).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200);
    }

    /** SIGKILL, as a crash or an OOM killer would. */
    public void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly().waitFor();
        }
    }

    public JsonNode get(String path) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    public JsonNode post(String path, String body) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public JsonNode put(String path, String body) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    public String getText(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + TOKEN).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + ports.api() + path);
    }

    private JsonNode send(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response = HTTP.send(request.header("Authorization", "Bearer " + TOKEN).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isLessThan(300);
        return JSON.readTree(response.body());
    }

    /** The tenant runtime processes on this machine, found by the marker on their command lines. */
    public static List<ProcessHandle> runtimesOf(String tenant) {
        String marker = "-Dundersign-tenant=" + tenant;
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().arguments().map(a -> List.of(a).contains(marker)).orElse(false))
                .toList();
    }
}

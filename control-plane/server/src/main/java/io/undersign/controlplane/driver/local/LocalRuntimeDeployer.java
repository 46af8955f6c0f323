package io.undersign.controlplane.driver.local;

import io.undersign.controlplane.config.UndersignConfig;
import io.undersign.controlplane.driver.RuntimeDeployer;
import io.undersign.controlplane.driver.StackProvisioner;
import io.undersign.controlplane.edge.RouteTable;
import io.undersign.controlplane.runtime.RuntimeInstances;
import io.undersign.controlplane.driver.TenantSpec;
import io.undersign.contract.TenantProfile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Runs each tenant runtime as its own JVM on this machine. Credentials travel in the child's
 * environment, never on its command line. A runtime outlives a crashed control plane; the next
 * deploy adopts it when healthy, else replaces it, so there is never a second one.
 */
@ApplicationScoped
@Typed(LocalRuntimeDeployer.class)
public class LocalRuntimeDeployer implements RuntimeDeployer {
    private static final Logger LOG = Logger.getLogger(LocalRuntimeDeployer.class);
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);

    @Inject
    UndersignConfig config;

    @Inject
    StackProvisioner provisioner;

    @Inject
    RuntimeInstances instances;

    @Inject
    RouteTable routes;

    @Inject
    RuntimeLocks locks;

    /** The processes this control plane started, so that their exit codes can be told. */
    private final Map<String, Process> started = new java.util.concurrent.ConcurrentHashMap<>();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Override
    public Map<String, String> deploy(TenantSpec tenant) throws Exception {
        return locks.holding(tenant.id(), () -> deployHoldingLock(tenant));
    }

    /**
     * Starts (or adopts) the tenant's runtime if {@code wanted} still holds once no one else is
     * starting or stopping it: the supervisor's restart, which an operation may overtake.
     */
    public Optional<Map<String, String>> deployIf(TenantSpec tenant, java.util.function.BooleanSupplier wanted) throws Exception {
        return locks.holding(tenant.id(), () -> wanted.getAsBoolean() ? Optional.of(deployHoldingLock(tenant)) : Optional.empty());
    }

    /** Whether the runtime recorded for the tenant still runs. */
    public boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** How a runtime this control plane started ended: its exit code (137 = killed), if it was ours and has ended. */
    public Optional<Integer> exitCode(String tenantId, long pid) {
        Process process = started.get(tenantId);
        if (process == null || process.pid() != pid) {
            return Optional.empty();
        }
        try {
            // the JVM reaps a child a moment after it is gone from the process table
            return process.waitFor(2, TimeUnit.SECONDS) ? Optional.of(process.exitValue()) : Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private Map<String, String> deployHoldingLock(TenantSpec tenant) throws Exception {
        Optional<RuntimeProcesses.Found> running = RuntimeProcesses.find(tenant.id(), dataDir());
        if (running.isPresent()) {
            RuntimeProcesses.Found found = running.get();
            if (waitHealthy(found.process(), found.port(), config.runtime().startTimeout())) {
                instances.record(tenant.id(), found.process().pid(), found.port());
                routes.reload();
                return outputs(found.process().pid(), found.port(), "adopted");
            }
            LOG.warnf("Tenant %s runtime (pid %d) is not healthy; replacing it", tenant.id(), found.process().pid());
            terminate(found.process());
        }
        int port = freePort();
        Process process = start(tenant, port);
        started.put(tenant.id(), process);
        instances.record(tenant.id(), process.pid(), port);
        if (!waitHealthy(process.toHandle(), port, config.runtime().startTimeout())) {
            String why = process.isAlive()
                    ? "did not become healthy within " + config.runtime().startTimeout().toSeconds() + " s"
                    : "exited with code " + process.exitValue();
            terminate(process.toHandle());
            instances.forget(tenant.id());
            throw new IllegalStateException("runtime " + why + "; see " + logFile(tenant.id()));
        }
        routes.reload();
        return outputs(process.pid(), port, "started");
    }

    @Override
    public Map<String, String> stop(TenantSpec tenant) throws Exception {
        return locks.holding(tenant.id(), () -> {
            Optional<RuntimeProcesses.Found> running = RuntimeProcesses.find(tenant.id(), dataDir());
            running.ifPresent(found -> terminate(found.process()));
            instances.forget(tenant.id());
            started.remove(tenant.id());
            routes.reload();
            return Map.of("stopped", running.map(f -> String.valueOf(f.process().pid())).orElse("none running"));
        });
    }

    private Process start(TenantSpec tenant, int port) throws IOException {
        StackProvisioner.TenantConnection connection = provisioner.connection(tenant);
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(config.runtime().jvmOptions());
        command.addAll(RuntimeProcesses.markerArgs(tenant.id(), port, dataDir()));
        command.add("-jar");
        command.add(config.runtime().jar().toAbsolutePath().toString());
        ProcessBuilder builder = new ProcessBuilder(command);
        // an allow-list: the runtime inherits nothing of the control plane's environment (its admin
        // token, its database credentials), and gets exactly what it needs
        Map<String, String> env = builder.environment();
        env.clear();
        env.putAll(runtimeEnvironment(tenant, connection));
        // where integrators reach it (its OpenAPI document names it); built from the validated id and a port, nothing typed
        env.put("UNDERSIGN_TENANT_API_URL", "https://" + tenant.apiHost() + ":" + config.edge().apiTlsPort());
        Path log = logFile(tenant.id());
        Files.createDirectories(log.getParent());
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process process = builder.start();
        LOG.infof("Started runtime of tenant %s: pid %d, port %d", tenant.id(), process.pid(), port);
        return process;
    }

    /** Every variable a local runtime gets; nothing else reaches it. */
    static Map<String, String> runtimeEnvironment(TenantSpec tenant, StackProvisioner.TenantConnection connection) {
        Map<String, String> env = new java.util.TreeMap<>();
        env.put("LANG", "C.UTF-8");
        env.put("UNDERSIGN_TENANT_ID", tenant.id());
        env.putAll(TenantProfile.environment(tenant.displayName(), tenant.brandColour()));
        env.put("QUARKUS_DATASOURCE_JDBC_URL", connection.jdbcUrl());
        env.put("QUARKUS_DATASOURCE_USERNAME", connection.user());
        env.put("QUARKUS_DATASOURCE_PASSWORD", connection.password());
        env.put("UNDERSIGN_BROKER_URL", connection.brokerUrl());
        env.put("UNDERSIGN_BROKER_USERNAME", connection.brokerUser());
        env.put("UNDERSIGN_BROKER_PASSWORD", connection.brokerPassword());
        return env;
    }

    private String dataDir() {
        return config.dataDir().toAbsolutePath().normalize().toString();
    }

    private Path logFile(String tenantId) {
        return config.dataDir().resolve("runtimes").resolve(tenantId).resolve("runtime.log");
    }

    private String javaExecutable() {
        return config.runtime().javaHome().map(h -> h.resolve("bin/java").toString())
                .orElseGet(() -> ProcessHandle.current().info().command().orElse("java"));
    }

    private boolean waitHealthy(ProcessHandle process, int port, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2)).build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                return false;
            }
            try {
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return true;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(100);
        }
        return false;
    }

    private static void terminate(ProcessHandle process) {
        process.destroy();
        try {
            process.onExit().get(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception stillRunning) {
            process.destroyForcibly();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    private static Map<String, String> outputs(long pid, int port, String how) {
        return Map.of("pid", String.valueOf(pid), "port", String.valueOf(port), "runtime", how);
    }
}

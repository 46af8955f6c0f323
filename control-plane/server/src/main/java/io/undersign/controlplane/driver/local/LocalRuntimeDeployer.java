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
public class LocalRuntimeDeployer implements RuntimeDeployer, io.undersign.controlplane.driver.RuntimeUpgrader {
    private static final Logger LOG = Logger.getLogger(LocalRuntimeDeployer.class);
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);

    @Inject
    io.undersign.controlplane.driver.TenantRootKeys rootKeys;

    @Inject
    io.undersign.controlplane.driver.IdentityRealms identity;

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

    @Inject
    io.undersign.controlplane.release.RuntimeBuilds builds;

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
        Optional<RuntimeProcesses.Found> running = RuntimeProcesses.find(tenant.id(), dataDir(), candidatePids(tenant.id()));
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
        Process process = start(tenant, builds.of(tenant), port);
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
            Optional<RuntimeProcesses.Found> running = RuntimeProcesses.find(tenant.id(), dataDir(), candidatePids(tenant.id()));
            running.ifPresent(found -> terminate(found.process()));
            instances.candidate(tenant.id()).ifPresent(c -> ProcessHandle.of(c.pid).ifPresent(LocalRuntimeDeployer::terminate));
            instances.forgetCandidate(tenant.id());
            instances.forget(tenant.id());
            started.remove(tenant.id());
            routes.reload();
            return Map.of("stopped", running.map(f -> String.valueOf(f.process().pid())).orElse("none running"));
        });
    }

    private Process start(TenantSpec tenant, io.undersign.controlplane.release.RuntimeBuilds.RuntimeBuild build, int port) throws IOException {
        StackProvisioner.TenantConnection connection = provisioner.connection(tenant);
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(config.runtime().jvmOptions());
        command.addAll(RuntimeProcesses.markerArgs(tenant.id(), port, dataDir()));
        command.add("-jar");
        command.add(build.jar().toString());
        ProcessBuilder builder = new ProcessBuilder(command);
        // an allow-list: the runtime inherits nothing of the control plane's environment (its admin
        // token, its database credentials), and gets exactly what it needs
        Map<String, String> env = builder.environment();
        env.clear();
        env.putAll(runtimeEnvironment(tenant, connection, identity.signIn(tenant)));
        // its root key (only it and the control plane hold it) and where its data keys are kept
        env.putAll(rootKeys.runtimeEnvironment(tenant));
        env.put("UNDERSIGN_KEY_DATABASE", io.undersign.controlplane.tenant.TenantNames.keyDatabase(tenant.id()));
        // where integrators reach it (its OpenAPI document names it); built from the validated id and a port, nothing typed
        env.put("UNDERSIGN_TENANT_API_URL", "https://" + tenant.apiHost() + ":" + config.edge().apiTlsPort());
        // the release it runs and the rulebook version it pins: ids validated on the way in, a path the control plane made
        if (build.release() != null) {
            env.put("UNDERSIGN_RELEASE", build.release());
        }
        if (build.rulebookFile() != null) {
            env.put("UNDERSIGN_RULEBOOK_LOCATION", build.rulebookFile().toString());
        }
        Path log = logFile(tenant.id());
        Files.createDirectories(log.getParent());
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process process = builder.start();
        LOG.infof("Started runtime of tenant %s: pid %d, port %d", tenant.id(), process.pid(), port);
        return process;
    }

    /** Every variable a local runtime gets; nothing else reaches it. */
    static Map<String, String> runtimeEnvironment(TenantSpec tenant, StackProvisioner.TenantConnection connection,
            Optional<io.undersign.controlplane.driver.IdentityRealms.SignIn> signIn) {
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
        // the workbench's sign-in: none, and the workbench says it is closed
        signIn.ifPresent(s -> {
            env.put(io.undersign.contract.WorkbenchRoles.ISSUER_VARIABLE, s.issuer());
            env.put(io.undersign.contract.WorkbenchRoles.CLIENT_ID_VARIABLE, s.clientId());
            env.put(io.undersign.contract.WorkbenchRoles.CLIENT_SECRET_VARIABLE, s.clientSecret());
        });
        return env;
    }

    private java.util.Set<Long> candidatePids(String tenantId) {
        return instances.candidate(tenantId).map(c -> java.util.Set.of(c.pid)).orElse(java.util.Set.of());
    }

    // --- an upgrade: a second runtime beside the serving one, swapped in, the replaced one stopped ---

    /**
     * Starts the tenant's runtime of {@code tenant.release()} beside the serving one, on its own port,
     * and checks that it is healthy and reports that release's build and rulebook; adopts one an
     * earlier attempt started when it still passes. Nothing serves from it yet.
     */
    @Override
    public Map<String, String> startCandidate(TenantSpec tenant) throws Exception {
        return locks.holding(tenant.id(), () -> {
            io.undersign.controlplane.release.RuntimeBuilds.RuntimeBuild build = builds.of(tenant);
            Optional<io.undersign.controlplane.runtime.RuntimeCandidate> earlier = instances.candidate(tenant.id());
            if (earlier.isPresent()) {
                var c = earlier.get();
                boolean reusable = io.undersign.controlplane.runtime.RuntimeCandidate.STARTED.equals(c.role)
                        && build.release().equals(c.releaseId) && alive(c.pid)
                        && ProcessHandle.of(c.pid).map(p -> waitHealthyQuietly(p, c.port)).orElse(false);
                if (reusable) {
                    checkReports(c.port, build);
                    return Map.of("pid", String.valueOf(c.pid), "port", String.valueOf(c.port), "runtime", "adopted", "release", c.releaseId);
                }
                ProcessHandle.of(c.pid).ifPresent(LocalRuntimeDeployer::terminate);
                instances.forgetCandidate(tenant.id());
            }
            int port = freePort();
            Process process = start(tenant, build, port);
            instances.recordCandidate(tenant.id(), process.pid(), port, build.release());
            try {
                if (!waitHealthy(process.toHandle(), port, config.runtime().startTimeout())) {
                    throw new IllegalStateException("the new runtime " + (process.isAlive()
                            ? "did not become healthy within " + config.runtime().startTimeout().toSeconds() + " s"
                            : "exited with code " + process.exitValue()) + "; see " + logFile(tenant.id()));
                }
                checkReports(port, build);
            } catch (Exception e) {
                terminate(process.toHandle());
                instances.forgetCandidate(tenant.id());
                throw e;
            }
            return Map.of("pid", String.valueOf(process.pid()), "port", String.valueOf(port), "runtime", "started", "release", build.release());
        });
    }

    /** The candidate serves (the edge follows within its reload); repeating it after the swap changes nothing. */
    @Override
    public Map<String, String> switchTraffic(TenantSpec tenant) throws Exception {
        return locks.holding(tenant.id(), () -> {
            var candidate = instances.candidate(tenant.id())
                    .orElseThrow(() -> new IllegalStateException("tenant " + tenant.id() + " has no new runtime to switch to"));
            if (io.undersign.controlplane.runtime.RuntimeCandidate.STARTED.equals(candidate.role)) {
                instances.swap(tenant.id());
            }
            routes.reload();
            var serving = instances.find(tenant.id()).orElseThrow();
            return Map.of("serving", "pid " + serving.pid + ", port " + serving.port, "switchedAt", java.time.Instant.now().toString());
        });
    }

    /** After a failed gate: the replaced runtime (still running) serves again and the new one is stopped. */
    @Override
    public Map<String, String> switchBack(TenantSpec tenant) throws Exception {
        return locks.holding(tenant.id(), () -> {
            Optional<io.undersign.controlplane.runtime.RuntimeCandidate> candidate = instances.candidate(tenant.id());
            if (candidate.isPresent() && io.undersign.controlplane.runtime.RuntimeCandidate.RETIRING.equals(candidate.get().role)) {
                instances.swap(tenant.id());
                routes.reload();
            }
            instances.candidate(tenant.id()).ifPresent(c -> ProcessHandle.of(c.pid).ifPresent(LocalRuntimeDeployer::terminate));
            instances.forgetCandidate(tenant.id());
            return Map.of("switchedBack", "yes");
        });
    }

    /**
     * Stops the runtime the upgrade replaced, gracefully: it finishes its requests, and its evidence
     * consumers roll back or commit (a result applied by neither is redelivered to the new one, which
     * applies each result once: evidence_result's key).
     */
    @Override
    public Map<String, String> retirePrevious(TenantSpec tenant) throws Exception {
        return locks.holding(tenant.id(), () -> {
            Optional<io.undersign.controlplane.runtime.RuntimeCandidate> candidate = instances.candidate(tenant.id());
            String stopped = "none";
            if (candidate.isPresent() && io.undersign.controlplane.runtime.RuntimeCandidate.RETIRING.equals(candidate.get().role)) {
                stopped = String.valueOf(candidate.get().pid);
                ProcessHandle.of(candidate.get().pid).ifPresent(LocalRuntimeDeployer::terminate);
                instances.forgetCandidate(tenant.id());
            } else if (candidate.isPresent()) {
                throw new IllegalStateException("tenant " + tenant.id() + "'s new runtime does not serve yet: nothing to retire");
            }
            started.remove(tenant.id());
            return Map.of("stopped", stopped);
        });
    }

    private boolean waitHealthyQuietly(ProcessHandle process, int port) {
        try {
            return waitHealthy(process, port, Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The runtime on {@code port} says it is the build and rulebook the release pins, or it is not let serve. */
    private void checkReports(int port, io.undersign.controlplane.release.RuntimeBuilds.RuntimeBuild build) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/service"))
                .timeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        com.fasterxml.jackson.databind.JsonNode service = new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body());
        String buildId = service.path("buildId").asText();
        String rulebook = service.path("rulebookId").asText() + " " + service.path("rulebookVersion").asText();
        if (!build.buildId().equals(buildId) || !(build.rulebookId() + " " + build.rulebookVersion()).equals(rulebook)
                || !build.release().equals(service.path("release").asText())) {
            throw new IllegalStateException("the new runtime reports build " + buildId + ", rulebook " + rulebook + ", release "
                    + service.path("release").asText() + "; release " + build.release() + " pins build " + build.buildId()
                    + " and rulebook " + build.rulebookId() + " " + build.rulebookVersion());
        }
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

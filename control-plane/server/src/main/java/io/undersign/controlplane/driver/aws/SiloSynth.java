package io.undersign.controlplane.driver.aws;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Synthesizes a tenant's stack by running the infra jar as a child process: CDKTF's jsii runtime
 * (a Node.js process of about 1 GB) and its Jackson range stay out of the control plane. Each run
 * gets a private temp dir, removed afterwards (jsii and CDKTF leave theirs behind otherwise).
 */
public final class SiloSynth {
    private static final long TIMEOUT_MINUTES = 5;

    private final Path java;
    private final Path infraJar;
    private final Path packageCache;
    private final ObjectMapper json = new ObjectMapper();

    public SiloSynth(Path java, Path infraJar, Path packageCache) {
        this.java = java;
        this.infraJar = infraJar;
        this.packageCache = packageCache;
    }

    /** Writes the spec into {@code dir} and returns the stack directory holding {@code cdk.tf.json}. */
    public Path synth(Path dir, String tenantId, Map<String, Object> spec) throws IOException, InterruptedException {
        if (!Files.isRegularFile(infraJar)) {
            throw new IllegalStateException("the infra jar " + infraJar + " is missing (./mvnw install -pl infra)");
        }
        Files.createDirectories(dir);
        Path specFile = dir.resolve("spec.json");
        json.writerWithDefaultPrettyPrinter().writeValue(specFile.toFile(), spec);
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        Path log = dir.resolve("synth.log");
        ProcessBuilder builder = new ProcessBuilder(List.of(java.toString(), "-Xmx512m", "-Djava.io.tmpdir=" + tmp, "-jar",
                infraJar.toString(), "--out", dir.resolve("cdktf.out").toString(), specFile.toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION", "20");
        builder.environment().put("JSII_RUNTIME_PACKAGE_CACHE_ROOT", packageCache.toString());
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("synth of " + tenantId + " took longer than " + TIMEOUT_MINUTES + " minutes");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("synth of " + tenantId + " failed: " + lastLine(log));
            }
        } finally {
            delete(tmp);
        }
        Path stack = dir.resolve("cdktf.out/stacks").resolve(tenantId);
        if (!Files.isRegularFile(stack.resolve("cdk.tf.json"))) {
            throw new IllegalStateException("synth of " + tenantId + " wrote no stack: " + lastLine(log));
        }
        return stack;
    }

    private static String lastLine(Path log) throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8).strip().lines().reduce((a, b) -> b).orElse("(no output)");
    }

    private static void delete(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> all = Files.walk(dir)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}

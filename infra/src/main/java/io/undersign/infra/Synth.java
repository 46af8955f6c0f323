package io.undersign.infra;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hashicorp.cdktf.App;
import com.hashicorp.cdktf.AppConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The synth entry point, run by the control plane as a child process (jsii starts a Node.js
 * runtime of its own; neither belongs in the control plane's JVM):
 * {@code java -Djava.io.tmpdir=<private dir> -jar undersign-infra.jar --out cdktf.out spec.json…}.
 * Writes {@code <out>/stacks/<tenant>/cdk.tf.json} per spec and prints one JSON line per stack
 * ({@code tenantId}, {@code path}); a bad spec prints one line on stderr and exits 2.
 */
public final class Synth {
    private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    private Synth() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of("cdktf.out");
        Path platform = null;
        List<Path> specs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--out") && i + 1 < args.length) {
                out = Path.of(args[++i]);
            } else if (args[i].equals("--platform") && i + 1 < args.length) {
                platform = Path.of(args[++i]);
            } else {
                specs.add(Path.of(args[i]));
            }
        }
        if (specs.isEmpty() && platform == null) {
            System.err.println("usage: synth [--out DIR] [--platform PLATFORM.json] [TENANT.json...]");
            System.exit(2);
        }
        List<TenantSiloSpec> tenants = new ArrayList<>();
        for (Path file : specs) {
            tenants.add(read(file, TenantSiloSpec.class));
        }
        PlatformSpec shared = platform == null ? null : read(platform, PlatformSpec.class);
        for (String line : synth(shared, tenants, out)) {
            System.out.println(line);
        }
    }

    private static <T> T read(Path file, Class<T> type) {
        try {
            return JSON.readValue(file.toFile(), type);
        } catch (Exception e) {
            System.err.println(file + ": " + rootMessage(e));
            System.exit(2);
            return null;
        }
    }

    /** Synthesizes the tenants' stacks (and the platform's, when given) into {@code out}. */
    public static List<String> synth(PlatformSpec platform, List<TenantSiloSpec> specs, Path out) throws Exception {
        App app = new App(AppConfig.builder().outdir(out.toString()).build());
        if (platform != null) {
            new PlatformStack(app, platform);
        }
        List<String> lines = synthInto(app, specs, out);
        if (platform != null) {
            lines.add(0, JSON.writeValueAsString(Map.of("stack", "platform",
                    "path", out.resolve("stacks/platform/cdk.tf.json").toAbsolutePath().toString())));
        }
        return lines;
    }

    /** Synthesizes each tenant's stack into {@code out}; returns one JSON line per stack. */
    public static List<String> synth(List<TenantSiloSpec> specs, Path out) throws Exception {
        return synth((PlatformSpec) null, specs, out);
    }

    private static List<String> synthInto(App app, List<TenantSiloSpec> specs, Path out) throws Exception {
        for (TenantSiloSpec spec : specs) {
            new TenantSiloStack(app, spec);
        }
        app.synth();
        List<String> lines = new ArrayList<>();
        for (TenantSiloSpec spec : specs) {
            Path file = out.resolve("stacks").resolve(spec.tenantId()).resolve("cdk.tf.json");
            if (!Files.isRegularFile(file)) {
                throw new IllegalStateException("synth wrote no " + file);
            }
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("tenantId", spec.tenantId());
            line.put("path", file.toAbsolutePath().toString());
            lines.add(JSON.writeValueAsString(line));
        }
        return lines;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage().lines().findFirst().orElse(t.toString());
    }
}

package io.undersign.controlplane.driver.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.undersign.controlplane.config.UndersignConfig;
import io.undersign.controlplane.tenant.TenantNames;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A silo stack's outputs from its last apply, kept beside the stack ({@code <data>/aws/<tenant>/outputs.json})
 * and read by every AWS driver that needs to find the silo's parts (load balancers, listeners,
 * the launch template, the trust store, the database and broker endpoints).
 */
@ApplicationScoped
public class SiloOutputs {

    @Inject
    UndersignConfig config;

    private final ObjectMapper json = new ObjectMapper();

    /** One silo's outputs. */
    public record Outputs(String tenantId, Map<String, JsonNode> values) {

        /** An output as text; a missing one is an error naming it (the stack and the code disagree). */
        public String text(String key) {
            return node(key).asText();
        }

        public JsonNode node(String key) {
            JsonNode value = values.get(key);
            if (value == null || value.isNull()) {
                throw new IllegalStateException("the stack of tenant " + tenantId + " has no output '" + key + "'");
            }
            return value;
        }
    }

    /** The outputs of the tenant's last apply; an error when its stack was never provisioned. */
    public Outputs of(String tenantId) {
        Path file = file(tenantId);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("tenant " + tenantId + " has no provisioned stack yet");
        }
        try {
            Map<String, JsonNode> values = new LinkedHashMap<>();
            json.readTree(file.toFile()).fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue()));
            return new Outputs(tenantId, values);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    void save(String tenantId, Map<String, JsonNode> values) throws IOException {
        Files.createDirectories(file(tenantId).getParent());
        json.writerWithDefaultPrettyPrinter().writeValue(file(tenantId).toFile(), values);
    }

    void forget(String tenantId) throws IOException {
        Files.deleteIfExists(file(tenantId));
    }

    /** The tenant database over TLS (verified against the RDS CA by default: ops/runbooks/aws.md). */
    public String jdbcUrl(Outputs outputs) {
        return "jdbc:mysql://" + outputs.text("db_endpoint") + "/" + TenantNames.database(outputs.tenantId()) + "?sslMode="
                + config.aws().dbSslMode();
    }

    /** The RDS instance itself, for the master user. */
    String serverUrl(Outputs outputs) {
        return "jdbc:mysql://" + outputs.text("db_endpoint") + "/?sslMode=" + config.aws().dbSslMode();
    }

    /** Active and standby OpenWire-over-TLS endpoints, in one failover URL. */
    public static String brokerUrl(Outputs outputs) {
        List<String> ssl = new ArrayList<>();
        outputs.node("broker_instances").forEach(i -> i.path("endpoints").forEach(e -> {
            if (e.asText().startsWith("ssl://")) {
                ssl.add(e.asText());
            }
        }));
        if (ssl.isEmpty()) {
            throw new IllegalStateException("the broker has no OpenWire TLS endpoint yet");
        }
        return "failover:(" + String.join(",", ssl) + ")?maxReconnectAttempts=-1";
    }

    private Path file(String tenantId) {
        return config.dataDir().resolve("aws").resolve(tenantId).toAbsolutePath().resolve("outputs.json");
    }
}

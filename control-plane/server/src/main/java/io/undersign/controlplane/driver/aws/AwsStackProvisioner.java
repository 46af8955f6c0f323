package io.undersign.controlplane.driver.aws;

import io.undersign.contract.SiloNames;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.undersign.controlplane.config.UndersignConfig;
import io.undersign.controlplane.driver.StackProvisioner;
import io.undersign.controlplane.driver.TenantDatabases;
import io.undersign.controlplane.operation.StepProgress;
import io.undersign.controlplane.tenant.TenantNames;
import io.undersign.controlplane.driver.TenantSpec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A tenant's AWS silo: allocates its VPC range, makes its broker and database secrets, puts its
 * client CA where the API's trust store reads it, synthesizes its stack (infra jar, child
 * process) and has Terraform converge it, keeping the stack's outputs for the next steps; then
 * makes the tenant's own database user with the RDS master user and brings the trust store's
 * revocations up to date. Offboarding lifts deletion protection, then destroys (the database
 * leaves its final snapshot). Every part is safe to repeat: Terraform converges, secrets, users
 * and ranges are found, revocation lists replaced whole.
 */
@ApplicationScoped
@Typed(AwsStackProvisioner.class)
public class AwsStackProvisioner implements StackProvisioner {

    @Inject
    UndersignConfig config;

    @Inject
    AwsClients clients;

    @Inject
    io.undersign.controlplane.secret.SecretStore controlPlaneSecrets;

    @Inject
    TenantNetworks networks;

    @Inject
    StepProgress progress;

    @Inject
    AwsClientTrust clientTrust;

    @Inject
    SiloOutputs siloOutputs;

    private final ObjectMapper json = new ObjectMapper();

    @Override
    public Map<String, String> provision(TenantSpec tenant) throws Exception {
        String cidr = networks.allocate(tenant.id());
        secrets(tenant).ensureBrokerCredentials(tenant.id());
        secrets(tenant).ensureDatabaseCredentials(tenant.id(), TenantNames.databaseUser(tenant.id()));
        clientTrust.publishClientCa(tenant.id(), tenant.region());
        Path stack = synth().synth(dir(tenant.id()), tenant.id(), spec(tenant, cidr, false));
        TerraformRunner.Applied applied = runner().apply(stack, message -> progress.report(tenant.id(), message));
        siloOutputs.save(tenant.id(), applied.outputs());
        ensureTenantDatabase(tenant, siloOutputs.of(tenant.id()));
        // a trust store made anew (a silo rebuilt) must refuse what was revoked before
        clientTrust.publishRevocations(tenant.id(), tenant.region());
        Map<String, String> made = new LinkedHashMap<>();
        made.put("vpcCidr", cidr);
        made.put("resourcesAdded", String.valueOf(applied.added()));
        made.put("resourcesChanged", String.valueOf(applied.changed()));
        for (String key : List.of("alb_dns_name", "nlb_dns_name", "db_endpoint", "asg_name")) {
            if (applied.outputs().containsKey(key)) {
                made.put(key, applied.outputs().get(key).asText());
            }
        }
        return made;
    }

    @Override
    public Map<String, String> destroy(TenantSpec tenant) throws Exception {
        Optional<String> cidr = networks.of(tenant.id());
        if (cidr.isEmpty()) {
            return Map.of("destroyed", "nothing was provisioned");
        }
        Path stack = synth().synth(dir(tenant.id()), tenant.id(), spec(tenant, cidr.get(), true));
        runner().apply(stack, message -> progress.report(tenant.id(), "lifting deletion protection: " + message));
        TerraformRunner.Applied gone = runner().destroy(stack, message -> progress.report(tenant.id(), message));
        secrets(tenant).remove(SiloNames.brokerSecret(tenant.id()));
        secrets(tenant).remove(SiloNames.databaseSecret(tenant.id()));
        controlPlaneSecrets.delete(TenantNames.migrationPasswordSecret(tenant.id()));
        clientTrust.forget(tenant.id(), tenant.region());
        siloOutputs.forget(tenant.id());
        return Map.of("resourcesDestroyed", String.valueOf(gone.destroyed()), "finalSnapshot", "undersign-" + tenant.id() + "-final");
    }

    @Override
    public TenantConnection connection(TenantSpec tenant) {
        SiloOutputs.Outputs outputs = siloOutputs.of(tenant.id());
        TenantSecrets secrets = secrets(tenant);
        JsonNode database = secrets.read(SiloNames.databaseSecret(tenant.id()));
        JsonNode broker = secrets.read(SiloNames.brokerSecret(tenant.id()));
        String migrationPassword = controlPlaneSecrets.get(TenantNames.migrationPasswordSecret(tenant.id()))
                .orElseThrow(() -> new IllegalStateException("tenant " + tenant.id() + " has no migration password; provision it first"));
        return new TenantConnection(siloOutputs.jdbcUrl(outputs), database.get("username").asText(), database.get("password").asText(),
                SiloOutputs.brokerUrl(outputs), broker.get("username").asText(), broker.get("password").asText(),
                TenantNames.migrationUser(tenant.id()), migrationPassword);
    }

    @Override
    public void ensureKeyDatabase(TenantSpec tenant) throws Exception {
        asMaster(tenant, (admin, runtimeUser) -> TenantDatabases.ensureKeyDatabase(admin, TenantNames.database(tenant.id()), "%", runtimeUser,
                TenantNames.migrationUser(tenant.id())));
    }

    @Override
    public void appendOnlyAudit(TenantSpec tenant) throws Exception {
        asMaster(tenant, (admin, runtimeUser) -> TenantDatabases.appendOnlyAudit(admin, TenantNames.database(tenant.id()), "%", runtimeUser));
    }

    @FunctionalInterface
    private interface MasterWork {
        void run(java.sql.Connection admin, String runtimeUser) throws java.sql.SQLException;
    }

    /** Work on the silo's RDS instance as its RDS-managed master user (read for this only), knowing the runtime's user. */
    private void asMaster(TenantSpec tenant, MasterWork work) throws java.sql.SQLException {
        SiloOutputs.Outputs outputs = siloOutputs.of(tenant.id());
        TenantSecrets secrets = secrets(tenant);
        JsonNode master = secrets.read(outputs.text("db_master_secret_arn"));
        JsonNode user = secrets.read(SiloNames.databaseSecret(tenant.id()));
        try (java.sql.Connection admin = java.sql.DriverManager.getConnection(siloOutputs.serverUrl(outputs), master.get("username").asText(),
                master.get("password").asText())) {
            work.run(admin, user.get("username").asText());
        }
    }

    /**
     * The tenant's database and user on its RDS instance, made with the RDS-managed master user
     * (read here, used for this only): the runtime gets the tenant user, the migrations a user of
     * their own whose password stays in the control plane's secret store (the silo's instances can
     * read every secret under the tenant's prefix in Secrets Manager, so it is not kept there).
     */
    private void ensureTenantDatabase(TenantSpec tenant, SiloOutputs.Outputs outputs) throws java.sql.SQLException {
        TenantSecrets secrets = secrets(tenant);
        JsonNode master = secrets.read(outputs.text("db_master_secret_arn"));
        JsonNode user = secrets.read(SiloNames.databaseSecret(tenant.id()));
        try (java.sql.Connection admin = java.sql.DriverManager.getConnection(siloOutputs.serverUrl(outputs), master.get("username").asText(),
                master.get("password").asText())) {
            String migrationPassword = controlPlaneSecrets.getOrCreate(TenantNames.migrationPasswordSecret(tenant.id()),
                    io.undersign.controlplane.secret.Passwords::generate);
            // from anywhere in the silo's private subnets: the RDS instance is reachable from nowhere else
            TenantDatabases.ensure(admin, TenantNames.database(tenant.id()), new TenantDatabases.Users("%", user.get("username").asText(),
                    user.get("password").asText(), TenantNames.migrationUser(tenant.id()), migrationPassword));
        }
    }

    Map<String, Object> spec(TenantSpec tenant, String cidr, boolean decommission) {
        UndersignConfig.Aws aws = config.aws();
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("tenantId", tenant.id());
        spec.put("region", tenant.region());
        spec.put("zoneName", config.zone());
        spec.put("hostedZoneId", required(aws.hostedZoneId(), "hosted-zone-id"));
        spec.put("appName", config.appName());
        spec.put("vpcCidr", cidr);
        spec.put("tlsPolicy", tenant.tlsPolicy());
        spec.put("runtimeImageId", required(aws.runtimeImageId(), "runtime-image-id"));
        spec.put("transitGatewayId", required(aws.transitGatewayId(), "transit-gateway-id"));
        spec.put("alarmTopicArn", required(aws.alarmTopicArn(), "alarm-topic-arn"));
        spec.put("stateBucket", required(aws.stateBucket(), "state-bucket"));
        spec.put("stateLockTable", required(aws.stateLockTable(), "state-lock-table"));
        spec.put("trustStoreBucket", clientTrust.bucket(tenant.region()));
        spec.put("releaseBucket", required(aws.releaseBucket(), "release-bucket").replace("{region}", tenant.region()));
        aws.provisionerRoleArn().ifPresent(role -> spec.put("provisionerRoleArn", role));
        spec.put("guardDuty", true);
        spec.put("decommission", decommission);
        return spec;
    }

    private static String required(Optional<String> value, String key) {
        return value.orElseThrow(() -> new IllegalStateException("undersign.aws." + key + " is not set"));
    }

    private TenantSecrets secrets(TenantSpec tenant) {
        return new TenantSecrets(clients.secretsManager(tenant.region()));
    }

    private SiloSynth synth() {
        Path jar = config.aws().infraJar().orElseThrow(() -> new IllegalStateException("undersign.aws.infra-jar is not set"));
        Path java = ProcessHandle.current().info().command().map(Path::of).orElse(Path.of("java"));
        return new SiloSynth(java, jar, config.dataDir().resolve("jsii-cache"));
    }

    /** Providers are downloaded once for all tenants (Terraform's plugin cache). */
    private TerraformRunner runner() throws IOException {
        Path plugins = Files.createDirectories(config.dataDir().resolve("terraform-plugins").toAbsolutePath());
        return new TerraformRunner(config.aws().terraform(), Map.of("TF_PLUGIN_CACHE_DIR", plugins.toString()),
                config.aws().terraformTimeout().toMinutes());
    }

    private Path dir(String tenantId) {
        return config.dataDir().resolve("aws").resolve(tenantId).toAbsolutePath();
    }

}

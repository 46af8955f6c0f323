package io.undersign.controlplane.driver.aws;

import io.undersign.contract.SiloNames;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.ResourceExistsException;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

/**
 * A tenant's secrets in Secrets Manager ({@code undersign/<tenant>/…}): made once with a
 * password Secrets Manager generates, read back as JSON. The silo stack and the runtime refer to
 * them by name; no password passes through the stack or the control plane's database.
 */
public final class TenantSecrets {
    private final SecretsManagerClient secrets;
    private final ObjectMapper json = new ObjectMapper();

    public TenantSecrets(SecretsManagerClient secrets) {
        this.secrets = secrets;
    }

    /** The broker user's credentials, made on first call; returns the secret's ARN. */
    public String ensureBrokerCredentials(String tenantId) {
        return ensureCredentials(tenantId, SiloNames.brokerSecret(tenantId), "tenant-" + tenantId, "Amazon MQ user of tenant " + tenantId);
    }

    /** The tenant's database user (its runtime's and migrations'), made on first call; returns the secret's ARN. */
    public String ensureDatabaseCredentials(String tenantId, String user) {
        return ensureCredentials(tenantId, SiloNames.databaseSecret(tenantId), user, "Database user of tenant " + tenantId);
    }

    private String ensureCredentials(String tenantId, String name, String user, String description) {
        try {
            return secrets.describeSecret(r -> r.secretId(name)).arn();
        } catch (ResourceNotFoundException absent) {
            // Amazon MQ refuses commas, colons and equals signs: letters and digits only
            String password = secrets.getRandomPassword(r -> r.passwordLength(32L).excludePunctuation(true)).randomPassword();
            String value = write(Map.of("username", user, "password", password));
            try {
                return secrets.createSecret(r -> r.name(name).description(description)
                        .secretString(value).tags(t -> t.key("undersign:tenant").value(tenantId))).arn();
            } catch (ResourceExistsException raced) {
                return secrets.describeSecret(r -> r.secretId(name)).arn();
            }
        }
    }

    /** A secret's JSON value (e.g. the RDS-managed master user secret, by ARN). */
    public JsonNode read(String secretId) {
        try {
            return json.readTree(secrets.getSecretValue(r -> r.secretId(secretId)).secretString());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("secret " + secretId + " is not JSON", e);
        }
    }

    /** Schedules deletion (recoverable for 7 days); a secret already gone is fine. */
    public void remove(String secretId) {
        try {
            secrets.deleteSecret(r -> r.secretId(secretId).recoveryWindowInDays(7L));
        } catch (ResourceNotFoundException gone) {
            // nothing to remove
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

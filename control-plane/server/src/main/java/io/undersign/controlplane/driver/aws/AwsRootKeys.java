package io.undersign.controlplane.driver.aws;

import com.google.crypto.tink.Aead;
import io.undersign.controlplane.driver.TenantRootKeys;
import io.undersign.controlplane.driver.TenantSpec;
import io.undersign.controlplane.privacy.RootKeyDeletions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Root keys on AWS: the silo stack's KMS key (output {@code root_key_arn}), used through KMS by the
 * control plane and by the runtime's instance role. Offboarding schedules its deletion with KMS's own
 * waiting period (7 to 30 days), recorded here too.
 */
@ApplicationScoped
@Typed(AwsRootKeys.class)
public class AwsRootKeys implements TenantRootKeys {
    public static final String KMS_KEY_VARIABLE = "UNDERSIGN_ROOT_KEY_KMS_ARN";

    @Inject
    AwsClients clients;

    @Inject
    SiloOutputs siloOutputs;

    @Inject
    RootKeyDeletions deletions;

    @Override
    public Aead aead(TenantSpec tenant) {
        return new io.undersign.privacy.KmsAead(clients.kms(tenant.region()), keyArn(tenant));
    }

    @Override
    public Map<String, String> runtimeEnvironment(TenantSpec tenant) {
        return Map.of(KMS_KEY_VARIABLE, keyArn(tenant));
    }

    @Override
    public Map<String, String> scheduleDeletion(TenantSpec tenant, Duration window) {
        int days = (int) Math.max(7, Math.min(30, window.toDays()));
        String arn = keyArn(tenant);
        var kms = clients.kms(tenant.region());
        Instant due;
        try {
            due = kms.scheduleKeyDeletion(r -> r.keyId(arn).pendingWindowInDays(days)).deletionDate();
        } catch (software.amazon.awssdk.services.kms.model.KmsInvalidStateException alreadyPending) {
            // a retried step: the key is pending deletion already, and keeps its first date
            due = kms.describeKey(r -> r.keyId(arn)).keyMetadata().deletionDate();
        }
        return deletions.recordKms(tenant.id(), arn, due);
    }

    private String keyArn(TenantSpec tenant) {
        return siloOutputs.of(tenant.id()).text("root_key_arn");
    }
}

package io.undersign.controlplane.driver.local;

import com.google.crypto.tink.Aead;
import io.undersign.controlplane.driver.TenantRootKeys;
import io.undersign.controlplane.driver.TenantSpec;
import io.undersign.controlplane.privacy.RootKeyDeletions;
import io.undersign.controlplane.secret.SecretStore;
import io.undersign.controlplane.tenant.TenantNames;
import io.undersign.privacy.RootKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;

/**
 * Root keys on this machine: a Tink keyset per tenant, sealed in the control plane's secret store
 * and handed to the tenant's runtime alone (in its environment, as its database password is).
 * Deletion follows KMS's rule: scheduled with a waiting period, then done by the privacy sweep.
 */
@ApplicationScoped
@Typed(LocalRootKeys.class)
public class LocalRootKeys implements TenantRootKeys {
    public static final String ROOT_KEY_VARIABLE = "UNDERSIGN_ROOT_KEY";

    @Inject
    SecretStore secrets;

    @Inject
    RootKeyDeletions deletions;

    @Override
    public Aead aead(TenantSpec tenant) {
        return RootKeys.local(keyset(tenant));
    }

    @Override
    public Map<String, String> runtimeEnvironment(TenantSpec tenant) {
        return Map.of(ROOT_KEY_VARIABLE, keyset(tenant));
    }

    @Override
    public Map<String, String> scheduleDeletion(TenantSpec tenant, Duration window) {
        return deletions.schedule(tenant.id(), TenantNames.rootKeySecret(tenant.id()), window);
    }

    private String keyset(TenantSpec tenant) {
        return secrets.getOrCreate(TenantNames.rootKeySecret(tenant.id()), RootKeys::newLocal);
    }
}

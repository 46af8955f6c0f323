package io.undersign.controlplane.driver;

import com.google.crypto.tink.Aead;
import java.time.Duration;
import java.util.Map;

/**
 * A tenant's root key, the top of its key hierarchy (see io.undersign.privacy): locally a Tink
 * keyset sealed in the control plane's secret store, on AWS the silo's KMS key. It wraps only the
 * tenant's keysets. Offboarding schedules its deletion after the export, so the export is the one
 * copy of the tenant's data anyone can still read.
 */
public interface TenantRootKeys {

    /** The root key as an AEAD; made on first use where the driver makes it (locally). */
    Aead aead(TenantSpec tenant);

    /** What the tenant's runtime is given to use its root key (environment variables). */
    Map<String, String> runtimeEnvironment(TenantSpec tenant);

    /** Schedules the root key's deletion {@code window} from now; idempotent (a second call keeps the first date). */
    Map<String, String> scheduleDeletion(TenantSpec tenant, Duration window) throws Exception;
}

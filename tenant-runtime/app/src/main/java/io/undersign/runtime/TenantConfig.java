package io.undersign.runtime;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Who this runtime serves and how it reaches its broker; set by the control plane's deployer. */
@ConfigMapping(prefix = "undersign")
public interface TenantConfig {

    Tenant tenant();

    Broker broker();

    Workbench workbench();

    Audit audit();

    Privacy privacy();

    interface Privacy {
        /** The tenant's local root key (a Tink keyset, handed over by the control plane from its secret store); it only opens the tenant's keysets. */
        java.util.Optional<String> rootKey();

        /** On AWS instead: the silo's KMS root key, used through KMS with the instance's role. */
        java.util.Optional<String> rootKeyKmsArn();

        /** Another address speaking the KMS protocol (tests); unset: AWS's own. */
        java.util.Optional<java.net.URI> kmsEndpoint();

        /** The tenant's key database beside its data (the wrapped data key of every case; never in the data's dumps). */
        String keyDatabase();

        /** How often new cases look for a rotated key-encryption key (the control plane rotates without restarting runtimes). */
        @WithDefault("PT30S")
        java.time.Duration keyringRefresh();

        /** How often values still in the clear (stored before sealing, or by an older runtime during an upgrade) are looked for and sealed. */
        @WithDefault("PT1M")
        java.time.Duration legacySweep();

        /** Unwrapped data keys kept in memory, most recently used first. */
        @WithDefault("20000")
        int cachedKeys();
    }

    interface Workbench {
        /** How long a queued case may wait for an underwriter before it is overdue. */
        @WithDefault("PT48H")
        java.time.Duration sla();
    }

    interface Audit {
        /** How often new audit entries are sealed into the hash chain. */
        @WithDefault("PT1S")
        java.time.Duration sealInterval();
    }

    interface Tenant {
        /** The tenant id, e.g. {@code acme}; the insurer's own name and colour are {@link TenantBrand}. */
        String id();

        /** Where integrators reach this runtime's API (the api. host), named in its OpenAPI document; set by the deployer. */
        java.util.Optional<String> apiUrl();
    }

    interface Broker {
        /** OpenWire URL of the tenant's broker. */
        String url();

        String username();

        String password();

        /** First redelivery of a result that failed; later ones back off exponentially. */
        @WithDefault("500ms")
        java.time.Duration redeliveryDelay();

        /** Redeliveries before the broker moves a failing result to the dead-letter queue. */
        @WithDefault("6")
        int maxRedeliveries();

        /** Sessions consuming evidence results side by side. */
        @WithDefault("4")
        int resultConsumers();
    }
}

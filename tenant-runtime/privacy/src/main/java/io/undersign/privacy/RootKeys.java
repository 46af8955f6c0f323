package io.undersign.privacy;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.security.GeneralSecurityException;

/**
 * A tenant's root key, the top of its key hierarchy: it only wraps the tenant's keysets (never
 * data). Locally it is a Tink keyset the control plane keeps sealed in its secret store and hands to
 * the tenant's runtime alone; on AWS it is the silo's KMS key, used through KMS, and never leaves it.
 */
public final class RootKeys {

    private RootKeys() {
    }

    /** A new local root key, as the Tink keyset JSON the control plane seals away. */
    public static String newLocal() {
        TinkSetup.ready();
        try {
            return TinkJsonProtoKeysetFormat.serializeKeyset(KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM),
                    InsecureSecretKeyAccess.get());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot make a root key", e);
        }
    }

    /** The local root key's AEAD; a keyset that is not one is refused without saying what it held. */
    public static Aead local(String keysetJson) {
        TinkSetup.ready();
        try {
            return TinkJsonProtoKeysetFormat.parseKeyset(keysetJson, InsecureSecretKeyAccess.get())
                    .getPrimitive(RegistryConfiguration.get(), Aead.class);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException("the root key is not a Tink AEAD keyset");
        }
    }

    /**
     * The silo's KMS root key, through KMS in the key's own region ({@code endpoint}: another address
     * that speaks the KMS protocol, for tests; null for AWS's). Credentials are the SDK's default chain
     * (the instance role on a silo's instance).
     */
    public static Aead kms(String keyArn, java.net.URI endpoint) {
        String[] arn = keyArn.split(":");
        if (arn.length < 6 || !"arn".equals(arn[0]) || !"kms".equals(arn[2])) {
            throw new IllegalArgumentException("not a KMS key ARN: " + keyArn);
        }
        var builder = software.amazon.awssdk.services.kms.KmsClient.builder()
                .region(software.amazon.awssdk.regions.Region.of(arn[3]))
                .httpClient(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.create());
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        return new KmsAead(builder.build(), keyArn);
    }
}

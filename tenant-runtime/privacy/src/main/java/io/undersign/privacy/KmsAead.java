package io.undersign.privacy;

import com.google.crypto.tink.Aead;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * Tink's AEAD over a KMS key (AWS SDK v2; Tink's own AWS KMS module is built on SDK v1): the
 * associated data goes in the encryption context, so KMS refuses to decrypt under any other, and
 * every use is in CloudTrail. The key never leaves KMS. The control plane and the silo's runtimes
 * (through their instance role) use it alike.
 */
public final class KmsAead implements Aead {
    public static final String CONTEXT_KEY = "undersign:associated-data";

    private final KmsClient kms;
    private final String keyArn;

    public KmsAead(KmsClient kms, String keyArn) {
        this.kms = kms;
        this.keyArn = keyArn;
    }

    @Override
    public byte[] encrypt(byte[] plaintext, byte[] associatedData) throws GeneralSecurityException {
        try {
            return kms.encrypt(r -> r.keyId(keyArn).plaintext(SdkBytes.fromByteArray(plaintext)).encryptionContext(context(associatedData)))
                    .ciphertextBlob().asByteArray();
        } catch (SdkException e) {
            throw new GeneralSecurityException("KMS did not encrypt with " + keyArn + ": " + e.getMessage(), e);
        }
    }

    @Override
    public byte[] decrypt(byte[] ciphertext, byte[] associatedData) throws GeneralSecurityException {
        try {
            return kms.decrypt(r -> r.keyId(keyArn).ciphertextBlob(SdkBytes.fromByteArray(ciphertext)).encryptionContext(context(associatedData)))
                    .plaintext().asByteArray();
        } catch (SdkException e) {
            throw new GeneralSecurityException("KMS did not decrypt with " + keyArn + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, String> context(byte[] associatedData) {
        return Map.of(CONTEXT_KEY, Base64.getEncoder().encodeToString(associatedData == null ? new byte[0] : associatedData));
    }
}

package io.undersign.privacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.PublicKeyVerify;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;

/**
 * What an erasure did to a case, signed with the tenant's receipts key: the insurer (or the
 * applicant, or an auditor) checks it with the tenant's public key alone. The signature covers the
 * receipt's canonical JSON (properties in name order), so any change to any field breaks it.
 */
public record ErasureReceipt(String receiptId, String tenantId, String caseId, String reference, String erasedAt, String reason,
        String requestedBy, List<String> erased, List<String> kept, boolean dataKeyDestroyed) {

    private static final ObjectMapper CANONICAL = JsonMapper.builder().enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .disable(SerializationFeature.INDENT_OUTPUT).build();

    /** A receipt and its signature (base64 of Tink's Ed25519 signature over {@link #canonical()}). */
    public record Signed(ErasureReceipt receipt, String signature, String algorithm) {
    }

    public byte[] canonical() {
        try {
            return CANONICAL.writeValueAsString(this).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public Signed sign(TenantKeyring ring) {
        try {
            return new Signed(this, Base64.getEncoder().encodeToString(ring.signer().sign(canonical())), "Ed25519 (Tink)");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign the erasure receipt", e);
        }
    }

    /** True when {@code signed} was signed by the key whose public keyset (Tink JSON) is given, and not changed since. */
    public static boolean verify(Signed signed, String publicKeysetJson) {
        TinkSetup.ready();
        try {
            PublicKeyVerify verifier = TinkJsonProtoKeysetFormat.parseKeyset(publicKeysetJson, InsecureSecretKeyAccess.get())
                    .getPrimitive(RegistryConfiguration.get(), PublicKeyVerify.class);
            verifier.verify(Base64.getDecoder().decode(signed.signature()), signed.receipt().canonical());
            return true;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}

package io.undersign.controlplane.driver.aws;

import io.undersign.contract.SiloNames;
import java.nio.charset.StandardCharsets;
import java.util.List;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;

/**
 * A tenant's client CA and revocation lists in the trust-store bucket, where its API load
 * balancer's trust store reads them. Neither is secret (a CA certificate, signed lists of
 * serials); the bucket is private all the same.
 */
public final class ClientTrustFiles {
    private final S3Client s3;
    private final String bucket;

    public ClientTrustFiles(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    public String bucket() {
        return bucket;
    }

    /** At the key the silo stack's trust store is made from. */
    public String putClientCa(String tenantId, String certificatePem) {
        return put(SiloNames.clientCaKey(tenantId), certificatePem, "application/x-pem-file");
    }

    /** A new key per list: the trust store reads it when the list is added, and the older lists stay as a record. */
    public String putRevocationList(String tenantId, String crlPem, long number) {
        return put(SiloNames.revocationListKey(tenantId, number), crlPem, "application/x-pem-file");
    }

    /** Offboarding: everything kept for the tenant. */
    public int deleteTenant(String tenantId) {
        int deleted = 0;
        for (var page : s3.listObjectsV2Paginator(r -> r.bucket(bucket).prefix(SiloNames.trustFilesPrefix(tenantId)))) {
            List<ObjectIdentifier> keys = page.contents().stream().map(o -> ObjectIdentifier.builder().key(o.key()).build()).toList();
            if (!keys.isEmpty()) {
                s3.deleteObjects(r -> r.bucket(bucket).delete(d -> d.objects(keys).quiet(true)));
                deleted += keys.size();
            }
        }
        return deleted;
    }

    private String put(String key, String content, String type) {
        s3.putObject(r -> r.bucket(bucket).key(key).contentType(type), RequestBody.fromString(content, StandardCharsets.US_ASCII));
        return key;
    }
}

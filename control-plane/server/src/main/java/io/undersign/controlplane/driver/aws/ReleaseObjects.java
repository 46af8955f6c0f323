package io.undersign.controlplane.driver.aws;

import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Map;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Release artifacts and rulebooks in the platform's release bucket, each under a key made of its
 * SHA-256: written once (S3 checks the checksum on arrival), found again on a retry, never
 * overwritten with other bytes. Instances fetch them by the same key and check the hash again.
 */
public final class ReleaseObjects {
    private static final String SHA256_KEY = "sha256";

    private final S3Client s3;
    private final String bucket;

    public ReleaseObjects(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    /** {@code releases/<sha256>.jar}. */
    public static String artifactKey(String sha256) {
        return "releases/" + sha256 + ".jar";
    }

    /** {@code rulebooks/<sha256>.yaml}. */
    public static String rulebookKey(String sha256) {
        return "rulebooks/" + sha256 + ".yaml";
    }

    /** Puts {@code file} at {@code key} unless it is there already; returns its {@code s3://} address. */
    public String put(String key, Path file, String sha256) {
        String kept = keptHash(key);
        if (kept == null) {
            s3.putObject(r -> r.bucket(bucket).key(key).metadata(Map.of(SHA256_KEY, sha256))
                    .checksumSHA256(java.util.Base64.getEncoder().encodeToString(HexFormat.of().parseHex(sha256))), RequestBody.fromFile(file));
        } else if (!kept.equals(sha256)) {
            throw new IllegalStateException("s3://" + bucket + "/" + key + " holds an object of SHA-256 " + kept + ", not " + sha256
                    + "; it is not replaced");
        }
        return "s3://" + bucket + "/" + key;
    }

    private String keptHash(String key) {
        try {
            return s3.headObject(r -> r.bucket(bucket).key(key)).metadata().getOrDefault(SHA256_KEY, "unknown");
        } catch (NoSuchKeyException missing) {
            return null;
        } catch (S3Exception e) {
            // HEAD answers carry no error body: a missing key is a bare 404
            if (e.statusCode() == 404) {
                return null;
            }
            throw e;
        }
    }
}

package io.undersign.infra;

import com.hashicorp.cdktf.providers.aws.kms_alias.KmsAlias;
import com.hashicorp.cdktf.providers.aws.kms_key.KmsKey;
import software.constructs.Construct;

/**
 * The silo's root key in KMS: it wraps only the tenant's keysets (which wrap each case's data key).
 * KMS rotates its material yearly; offboarding schedules its deletion after the export, with the
 * longest waiting period, so the export is the one readable copy left.
 */
public class SiloKeys extends Construct {
    private final KmsKey root;

    public SiloKeys(Construct scope, String id, TenantSiloSpec spec) {
        super(scope, id);
        root = KmsKey.Builder.create(this, "root").description("Undersign root key of tenant " + spec.tenantId() + " (wraps its keysets)")
                .enableKeyRotation(true).deletionWindowInDays(30).build();
        KmsAlias.Builder.create(this, "root-alias").name("alias/undersign-" + spec.tenantId() + "-root").targetKeyId(root.getKeyId()).build();
    }

    public KmsKey root() {
        return root;
    }
}

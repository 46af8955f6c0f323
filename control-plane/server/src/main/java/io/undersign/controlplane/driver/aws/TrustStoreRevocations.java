package io.undersign.controlplane.driver.aws;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTrustStoreRevocation;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RevocationIdNotFoundException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RevocationType;

/**
 * Replaces the revocation list of an API load balancer's trust store: the complete new list is
 * added first, then the lists it supersedes are removed, so no revoked certificate is ever
 * admitted in between. With nothing revoked, no list is kept.
 */
public final class TrustStoreRevocations {
    private final ElasticLoadBalancingV2Client elb;
    private final ClientTrustFiles files;

    public TrustStoreRevocations(ElasticLoadBalancingV2Client elb, ClientTrustFiles files) {
        this.elb = elb;
        this.files = files;
    }

    /** Returns the id of the list now in force, if any. */
    public Optional<Long> replace(String trustStoreArn, String tenantId, Optional<String> crlPem, long number) {
        List<Long> superseded = inForce(trustStoreArn);
        Optional<Long> current = Optional.empty();
        if (crlPem.isPresent()) {
            String key = files.putRevocationList(tenantId, crlPem.get(), number);
            current = Optional.of(elb.addTrustStoreRevocations(r -> r.trustStoreArn(trustStoreArn).revocationContents(c -> c
                    .s3Bucket(files.bucket()).s3Key(key).revocationType(RevocationType.CRL))).trustStoreRevocations().get(0).revocationId());
        }
        if (!superseded.isEmpty()) {
            try {
                elb.removeTrustStoreRevocations(r -> r.trustStoreArn(trustStoreArn).revocationIds(superseded));
            } catch (RevocationIdNotFoundException raced) {
                // a concurrent revocation removed some first (its list is complete too): remove what is left
                List<Long> left = inForce(trustStoreArn).stream().filter(superseded::contains).toList();
                if (!left.isEmpty()) {
                    elb.removeTrustStoreRevocations(r -> r.trustStoreArn(trustStoreArn).revocationIds(left));
                }
            }
        }
        return current;
    }

    private List<Long> inForce(String trustStoreArn) {
        List<Long> ids = new ArrayList<>();
        elb.describeTrustStoreRevocationsPaginator(r -> r.trustStoreArn(trustStoreArn)).trustStoreRevocations()
                .stream().map(DescribeTrustStoreRevocation::revocationId).forEach(ids::add);
        return ids;
    }
}

package io.undersign.infra;

import io.undersign.contract.SiloNames;
import java.util.List;

/**
 * What the control plane decides for one tenant's silo (read from JSON by {@link Synth}). Names
 * and addresses only: no secret is ever part of a spec, so none can land in the synthesized JSON.
 *
 * @param vpcCidr a /16 the control plane allocated (no two tenants overlap)
 * @param stateBucket S3 bucket of Terraform state; the key is per tenant, locks in {@code stateLockTable}
 * @param alarmTopicArn SNS topic the on-call system listens on
 * @param trustStoreBucket S3 bucket (in the silo's region) holding each tenant's client CA and
 *        revocation lists, which the API's load balancer reads into its trust store
 * @param releaseBucket S3 bucket (in the silo's region) of release artifacts and rulebooks, kept
 *        by content hash; the runtime's instances read them at boot
 * @param provisionerRoleArn the role Terraform assumes to build the silo (the platform's
 *        {@code undersign-provisioner}); none: the caller's own credentials
 * @param decommission offboarding: lifts deletion protection so a destroy can follow (the
 *        database still leaves a final snapshot)
 */
public record TenantSiloSpec(String tenantId, String region, String zoneName, String hostedZoneId, String appName,
        String vpcCidr, String tlsPolicy, String runtimeImageId, String instanceType, int minInstances, int maxInstances,
        String dbInstanceClass, int dbAllocatedStorageGb, String brokerInstanceType, String transitGatewayId,
        String alarmTopicArn, String stateBucket, String stateLockTable, String trustStoreBucket, String releaseBucket, String provisionerRoleArn,
        boolean guardDuty,
        boolean decommission) {

    public static final String DEFAULT_TLS_POLICY = "ELBSecurityPolicy-TLS13-1-2-Res-2021-06";

    public TenantSiloSpec {
        require(tenantId, "tenantId");
        require(region, "region");
        require(zoneName, "zoneName");
        require(hostedZoneId, "hostedZoneId");
        require(vpcCidr, "vpcCidr");
        require(runtimeImageId, "runtimeImageId");
        require(transitGatewayId, "transitGatewayId");
        require(alarmTopicArn, "alarmTopicArn");
        require(stateBucket, "stateBucket");
        require(stateLockTable, "stateLockTable");
        require(trustStoreBucket, "trustStoreBucket");
        require(releaseBucket, "releaseBucket");
        if (!tenantId.matches("[a-z][a-z0-9-]{1,30}")) {
            throw new IllegalArgumentException("tenantId: '" + tenantId + "' is not a tenant id");
        }
        if (!vpcCidr.matches("\\d{1,3}\\.\\d{1,3}\\.0\\.0/16")) {
            throw new IllegalArgumentException("vpcCidr: '" + vpcCidr + "' must be a /16 such as 10.42.0.0/16");
        }
        appName = appName == null ? "uw" : appName;
        tlsPolicy = tlsPolicy == null ? DEFAULT_TLS_POLICY : tlsPolicy;
        instanceType = instanceType == null ? "t3.small" : instanceType;
        minInstances = minInstances == 0 ? 2 : minInstances;
        maxInstances = maxInstances == 0 ? 4 : maxInstances;
        dbInstanceClass = dbInstanceClass == null ? "db.t3.medium" : dbInstanceClass;
        dbAllocatedStorageGb = dbAllocatedStorageGb == 0 ? 50 : dbAllocatedStorageGb;
        brokerInstanceType = brokerInstanceType == null ? "mq.m5.large" : brokerInstanceType;
    }

    private static void require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + ": is required");
        }
    }

    /** The applicant's interview: {@code <app>.<tenant>.<zone>}. */
    public String interviewHost() {
        return appName + "." + tenantId + "." + zoneName;
    }

    /** The integrators' API: {@code api.<app>.<tenant>.<zone>}. */
    public String apiHost() {
        return "api." + interviewHost();
    }

    /** Four /20s of the tenant's /16: public and private, in two availability zones. */
    public List<String> subnetCidrs() {
        String prefix = vpcCidr.substring(0, vpcCidr.indexOf(".0.0/16"));
        return List.of(prefix + ".0.0/20", prefix + ".16.0/20", prefix + ".128.0/20", prefix + ".144.0/20");
    }

    /** Where Terraform keeps this tenant's state in the shared bucket. */
    public String stateKey() {
        return "tenants/" + tenantId + "/terraform.tfstate";
    }

    /** Secrets Manager name of the broker user's credentials (made by the control plane before apply). */
    public String brokerSecretName() {
        return SiloNames.brokerSecret(tenantId);
    }

    /** Where the control plane puts the tenant's client CA certificate (PEM) before the stack is applied. */
    public String clientCaKey() {
        return SiloNames.clientCaKey(tenantId);
    }

    /** The API load balancer's trust store: the tenant's client CA and its revocations. */
    public String trustStoreName() {
        return SiloNames.trustStore(tenantId);
    }

    /** SSM Parameter Store path of the runtime's configuration. */
    public String parameterPath() {
        return SiloNames.parameterPath(tenantId);
    }

    /** The tenant's secrets, which its instances may read (and no others). */
    public String secretPrefix() {
        return SiloNames.secretPrefix(tenantId);
    }
}

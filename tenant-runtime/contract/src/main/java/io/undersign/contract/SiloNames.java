package io.undersign.contract;

/**
 * Where an AWS silo's runtime and the platform find what the control plane made for a tenant:
 * its secrets in Secrets Manager, its configuration in SSM Parameter Store, its client CA and
 * revocation lists in the trust-store bucket, its API's trust store.
 */
public final class SiloNames {

    private SiloNames() {
    }

    /** The broker user's credentials (JSON: username, password). */
    public static String brokerSecret(String tenantId) {
        return secretPrefix(tenantId) + "broker";
    }

    /** The tenant's database user's credentials (JSON: username, password). */
    public static String databaseSecret(String tenantId) {
        return secretPrefix(tenantId) + "db";
    }

    /**
     * The insurer's own identity provider for the tenant's workbench (JSON: issuer, clientId,
     * clientSecret), written by the operator; without it the workbench stays closed.
     */
    public static String oidcSecret(String tenantId) {
        return secretPrefix(tenantId) + "oidc";
    }

    /** Every secret of the tenant's is under this name; its instances may read these and no others. */
    public static String secretPrefix(String tenantId) {
        return "undersign/" + tenantId + "/";
    }

    /** SSM Parameter Store path of the runtime's configuration. */
    public static String parameterPath(String tenantId) {
        return "/undersign/" + tenantId + "/";
    }

    /** The tenant's client CA certificate (PEM) in the trust-store bucket. */
    public static String clientCaKey(String tenantId) {
        return trustFilesPrefix(tenantId) + "client-ca.pem";
    }

    /** A revocation list (PEM CRL) in the trust-store bucket; a new key for each. */
    public static String revocationListKey(String tenantId, long number) {
        return trustFilesPrefix(tenantId) + "revocations/" + number + ".crl.pem";
    }

    /** Everything of the tenant's in the trust-store bucket. */
    public static String trustFilesPrefix(String tenantId) {
        return "tenants/" + tenantId + "/";
    }

    /** The API load balancer's trust store. */
    public static String trustStore(String tenantId) {
        return "us-" + tenantId + "-api";
    }
}

package io.undersign.controlplane.driver;

/**
 * Where a tenant's integrators' client certificates are checked: the local edge (which reads the
 * registry itself), or on AWS the trust store of the tenant's API load balancer.
 */
public interface ClientTrust {

    /**
     * Makes the API's front door refuse every certificate the registry marks revoked for this
     * tenant. Publishes the whole set each time, so repeating it after a failure converges.
     */
    void publishRevocations(String tenantId) throws Exception;

    /**
     * The CA an integrator must trust for the API host's server certificate, when it is not a
     * publicly trusted one (locally: the edge's own CA; on AWS: none, ACM's certificates are public).
     */
    java.util.Optional<String> serverCaPem();
}

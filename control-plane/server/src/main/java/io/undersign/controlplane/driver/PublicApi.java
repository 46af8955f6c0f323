package io.undersign.controlplane.driver;

/**
 * Calls a tenant the way its users reach it, through its public host names: the health check on
 * either host, and the integrator API on the api. host with a short-lived client certificate from
 * the tenant's own CA (never an integrator's). What a rollout's gate asks.
 */
public interface PublicApi {

    /** An answer: its status and body (empty when none). */
    record Answer(int status, String body) {
    }

    /** The interview host's health check (GET /q/health/ready), once. */
    Answer health(TenantSpec tenant) throws Exception;

    /** {@code method} {@code path} on the api. host, with a JSON body or none. */
    Answer call(TenantSpec tenant, String method, String path, String jsonBody) throws Exception;
}

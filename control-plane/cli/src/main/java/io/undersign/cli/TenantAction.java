package io.undersign.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** A lifecycle action on one tenant: POST /api/v1/tenants/{id}/{action}. */
abstract class TenantAction implements Callable<Integer> {
    @Mixin
    ApiOptions api;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", description = "Tenant id")
    String id;

    @Option(names = "--idempotency-key", description = "Repeat the action safely (default: a fresh key)")
    String idempotencyKey;

    @Option(names = {"--wait", "-w"}, description = "Follow the operation until it finishes")
    boolean waitForIt;

    abstract String action();

    /** The request body, when the action takes one. */
    Object body() {
        return null;
    }

    @Override
    public Integer call() throws Exception {
        ApiClient client = api.client();
        JsonNode accepted = client.post("/api/v1/tenants/" + ApiClient.segment(id) + "/" + action(), body(), idempotencyKey);
        return Actions.report(client, api, spec, accepted, waitForIt);
    }
}

package io.undersign.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "create", description = "Register a tenant and start onboarding it.")
class TenantsCreate implements Callable<Integer> {
    @Mixin
    ApiOptions api;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", description = "Tenant id: 3-31 of a-z, 0-9 and '-', starting with a letter")
    String id;

    @Option(names = {"--name", "-n"}, required = true, description = "Display name, e.g. \"Acme Life\"")
    String displayName;

    @Option(names = "--region", description = "Region (default: the platform's first)")
    String region;

    @Option(names = "--tls-policy", description = "TLS security policy of the public endpoints")
    String tlsPolicy;

    @Option(names = "--contact", description = "Contact e-mail")
    String contact;

    @Option(names = "--colour", description = "The insurer's colour on its pages, e.g. #1f4e79")
    String colour;

    @Option(names = "--tag", description = "A tag to put on the tenant (repeatable), e.g. --tag eu --tag pilot")
    java.util.List<String> tags;

    @Option(names = "--idempotency-key", description = "Repeat a create safely (default: a fresh key)")
    String idempotencyKey;

    @Option(names = {"--wait", "-w"}, description = "Follow the onboarding until it finishes")
    boolean waitForIt;

    @Override
    public Integer call() throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("displayName", displayName);
        if (region != null) {
            body.put("region", region);
        }
        if (tlsPolicy != null) {
            body.put("tlsPolicy", tlsPolicy);
        }
        if (contact != null) {
            body.put("contactEmail", contact);
        }
        if (colour != null) {
            body.put("brandColour", colour);
        }
        if (tags != null) {
            body.put("tags", tags);
        }
        ApiClient client = api.client();
        JsonNode accepted = client.post("/api/v1/tenants", body, idempotencyKey);
        return Actions.report(client, api, spec, accepted, waitForIt);
    }
}

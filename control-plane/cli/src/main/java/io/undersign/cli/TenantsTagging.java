package io.undersign.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code tenants tag T a b} and {@code tenants untag T a}: both idempotent, so a repeat changes nothing. */
abstract class TenantsTagging extends ApiCommand {
    @Parameters(index = "0", description = "Tenant id")
    String id;

    @Parameters(index = "1..*", arity = "1..*", description = "Tags: a lower-case letter, then lower-case letters, digits or '-'")
    List<String> tags;

    abstract JsonNode apply(ApiClient client, String path) throws Exception;

    @Override
    public Integer call() throws Exception {
        ApiClient client = api.client();
        JsonNode tenant = null;
        for (String tag : tags) {
            tenant = apply(client, "/api/v1/tenants/" + ApiClient.segment(id) + "/tags/" + ApiClient.segment(tag));
        }
        return print(tenant, t -> out().println(Json.text(t, "id") + " tags: " + TenantPrinter.tags(t)));
    }

    @Command(name = "tag", description = "Put tags on a tenant, for rollouts to select (--tenants tag:T).")
    static class Tag extends TenantsTagging {
        @Override
        JsonNode apply(ApiClient client, String path) throws Exception {
            return client.put(path, java.util.Map.of());
        }
    }

    @Command(name = "untag", description = "Take tags off a tenant.")
    static class Untag extends TenantsTagging {
        @Override
        JsonNode apply(ApiClient client, String path) throws Exception {
            return client.delete(path);
        }
    }
}

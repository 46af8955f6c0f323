package io.undersign.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** A tenant's keys: how many key-encryption keys it has, and a rotation. */
final class TenantsKeys {
    private TenantsKeys() {
    }

    private static void describe(ApiCommand command, JsonNode k) {
        command.out().println("Tenant " + k.path("tenantId").asText() + ": " + k.path("keyEncryptionKeys").asInt()
                + " key-encryption key(s), primary " + k.path("primaryKeyId").asLong());
    }

    @Command(name = "keys", description = "Show a tenant's key-encryption keys and the public key its erasure receipts are signed with.")
    static class Show extends ApiCommand {
        @Parameters(index = "0", description = "Tenant id")
        String id;

        @Override
        public Integer call() throws Exception {
            JsonNode keys = api.client().get("/api/v1/tenants/" + ApiClient.segment(id) + "/keys", Map.of());
            return print(keys, k -> {
                describe(this, k);
                out().println("Receipts' public key (Tink JSON): " + k.path("receiptPublicKeyset").asText());
            });
        }
    }

    @Command(name = "rotate-keys", description = "Add a key-encryption key and make it primary (new data keys use it; old data still opens; no downtime).")
    static class Rotate extends ApiCommand {
        @Parameters(index = "0", description = "Tenant id")
        String id;

        @Override
        public Integer call() throws Exception {
            JsonNode keys = api.client().post("/api/v1/tenants/" + ApiClient.segment(id) + "/keys/rotation", Map.of(), null);
            return print(keys, k -> describe(this, k));
        }
    }
}

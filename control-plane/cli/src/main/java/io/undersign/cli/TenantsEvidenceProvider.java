package io.undersign.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Broker credentials for a tenant's evidence provider (docs/evidence-contract.md). */
@Command(name = "evidence-provider",
        description = "Issue (or rotate) the broker credentials of a tenant's evidence provider; writes them as JSON (0600).")
class TenantsEvidenceProvider extends TenantsCerts.OnTenant {
    @Option(names = "--out", required = true, description = "File for the credentials, e.g. provider-acme.json")
    Path out;

    @Override
    public Integer call() throws Exception {
        JsonNode issued = api.client().post("/api/v1/tenants/" + ApiClient.segment(tenant) + "/evidence-provider/credentials", null, null);
        Path parent = out.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Files.deleteIfExists(out);
        Files.createFile(out, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(out, issued.toPrettyString());
        if (api.json()) {
            Json.print(out(), issued);
            return 0;
        }
        var print = out();
        print.println("Evidence provider " + Json.text(issued, "username") + " of " + tenant + ": credentials in " + out
                + " (the previous password no longer works)");
        print.println("  requests: " + Json.text(issued, "requestsQueue") + "  results: " + Json.text(issued, "resultsQueue"));
        print.flush();
        return 0;
    }
}

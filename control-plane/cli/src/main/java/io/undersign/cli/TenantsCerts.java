package io.undersign.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Client certificates for a tenant's integrators: mutual TLS on its api. host. */
@Command(name = "certs", description = "Issue, list and revoke a tenant's client certificates (mutual TLS on its API host).",
        subcommands = {TenantsCerts.Issue.class, TenantsCerts.ListCerts.class, TenantsCerts.Revoke.class})
class TenantsCerts {

    abstract static class OnTenant implements Callable<Integer> {
        @Mixin
        ApiOptions api;

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", description = "Tenant id")
        String tenant;

        PrintWriter out() {
            return spec.commandLine().getOut();
        }
    }

    @Command(name = "issue", description = "Issue a client certificate; writes NAME.crt, NAME.key (0600) and the CA files to --out.")
    static class Issue extends OnTenant {
        @Option(names = "--name", required = true, description = "Who it is for, e.g. policy-admin-system")
        String name;

        @Option(names = "--out", defaultValue = ".", description = "Directory for the files (default: current)")
        Path out;

        @Override
        public Integer call() throws Exception {
            JsonNode issued = api.client().post("/api/v1/tenants/" + ApiClient.segment(tenant) + "/certificates", Map.of("name", name), null);
            Files.createDirectories(out);
            Path key = out.resolve(name + ".key");
            Files.deleteIfExists(key);
            Files.createFile(key, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(key, Json.text(issued, "privateKeyPem"));
            write(out.resolve(name + ".crt"), Json.text(issued, "certificatePem"));
            write(out.resolve(tenant + "-client-ca.pem"), Json.text(issued, "clientCaPem"));
            String edgeCa = Json.text(issued, "edgeCaPem");
            if (edgeCa != null) {
                write(out.resolve("edge-ca.pem"), edgeCa);
            }
            if (api.json()) {
                // the files, never the private key, on stdout: output is captured by terminals, logs and CI
                com.fasterxml.jackson.databind.node.ObjectNode shown = ApiClient.JSON.createObjectNode()
                        .put("serial", Json.text(issued, "serial")).put("name", name).put("notAfter", Json.text(issued, "notAfter"))
                        .put("certificateFile", out.resolve(name + ".crt").toString()).put("privateKeyFile", key.toString())
                        .put("clientCaFile", out.resolve(tenant + "-client-ca.pem").toString());
                if (edgeCa != null) {
                    shown.put("edgeCaFile", out.resolve("edge-ca.pem").toString());
                }
                Json.print(out(), shown);
                return 0;
            }
            out().println("Issued certificate " + Json.text(issued, "serial") + " for " + name + " (valid until "
                    + Json.text(issued, "notAfter") + ")");
            out().println("  " + out.resolve(name + ".crt") + ", " + key + " (keep it secret: it is not stored anywhere else)");
            if (edgeCa != null) {
                // a public certificate (AWS) needs no extra trust
                out().println("  trust " + out.resolve("edge-ca.pem") + " for the edge's server certificate");
            }
            out().flush();
            return 0;
        }

        private static void write(Path file, String content) throws IOException {
            Files.writeString(file, content);
        }
    }

    @Command(name = "list", description = "List a tenant's client certificates.")
    static class ListCerts extends OnTenant {
        @Override
        public Integer call() throws Exception {
            JsonNode list = api.client().get("/api/v1/tenants/" + ApiClient.segment(tenant) + "/certificates", Map.of());
            if (api.json()) {
                Json.print(out(), list);
                return 0;
            }
            Table table = new Table("SERIAL", "NAME", "NOT AFTER", "REVOKED");
            for (JsonNode c : list) {
                table.row(Json.text(c, "serial"), Json.text(c, "name"), Json.text(c, "notAfter"), Json.text(c, "revokedAt"));
            }
            table.print(out());
            return 0;
        }
    }

    @Command(name = "revoke", description = "Revoke a client certificate: the edge refuses it from then on.")
    static class Revoke extends OnTenant {
        @Parameters(index = "1", description = "Certificate serial (from certs list)")
        String serial;

        @Override
        public Integer call() throws Exception {
            JsonNode revoked = api.client().post("/api/v1/tenants/" + ApiClient.segment(tenant) + "/certificates/" + ApiClient.segment(serial) + "/revoke", null, null);
            if (api.json()) {
                Json.print(out(), revoked);
            } else {
                out().println("Revoked " + serial + " (" + Json.text(revoked, "name") + ") at " + Json.text(revoked, "revokedAt"));
                out().flush();
            }
            return 0;
        }
    }
}

package io.undersign.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** An applicant's rights, carried out for a tenant: erasure of a case's health data, and subject access. */
@Command(name = "cases", description = "Erase a case's health data, or give an applicant everything held about their case.",
        subcommands = {CasesCommand.Erase.class, CasesCommand.SubjectAccess.class})
class CasesCommand {

    private static String casePath(String tenant, String caseId) {
        return "/api/v1/tenants/" + ApiClient.segment(tenant) + "/cases/" + ApiClient.segment(caseId);
    }

    /** {@code cases erase T CASE --reason R}: the case's data key is destroyed; prints the signed receipt. */
    @Command(name = "erase", description = "Erase a case's health data (its data key is destroyed, so no copy opens again) and print the signed receipt.")
    static class Erase extends ApiCommand {
        @Parameters(index = "0", description = "Tenant id")
        String tenant;

        @Parameters(index = "1", description = "Case id (22 characters)")
        String caseId;

        @Option(names = "--reason", required = true, description = "Why (one line; kept with the receipt)")
        String reason;

        @Override
        public Integer call() throws Exception {
            JsonNode signed = api.client().post(casePath(tenant, caseId) + "/erasure", Map.of("reason", reason), null);
            return print(signed, s -> {
                JsonNode r = s.path("receipt");
                out().println("Case " + r.path("caseId").asText() + " of " + r.path("tenantId").asText() + " erased at "
                        + r.path("erasedAt").asText() + " (receipt " + r.path("receiptId").asText() + ")");
                out().println("Erased:");
                r.path("erased").forEach(e -> out().println("  - " + e.asText()));
                out().println("Kept for the insurer's records:");
                r.path("kept").forEach(k -> out().println("  - " + k.asText()));
                out().println("Signature (" + s.path("algorithm").asText() + "): " + s.path("signature").asText());
            });
        }
    }

    /** {@code cases subject-access T CASE [--html] [--out FILE]}: the document, as JSON or as a page. */
    @Command(name = "subject-access", description = "Everything the tenant holds about a case's applicant, as JSON (or --html, a page to read).")
    static class SubjectAccess extends ApiCommand {
        @Parameters(index = "0", description = "Tenant id")
        String tenant;

        @Parameters(index = "1", description = "Case id (22 characters)")
        String caseId;

        @Option(names = "--html", description = "The readable page instead of JSON")
        boolean html;

        @Option(names = "--out", description = "Write it to this file (it holds health data: keep it safe) instead of standard output")
        Path file;

        @Override
        public Integer call() throws Exception {
            String path = casePath(tenant, caseId) + "/subject-access";
            String document = html ? api.client().getText(path, "text/html")
                    : ApiClient.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(api.client().get(path, Map.of()));
            if (file != null) {
                Files.writeString(file, document, StandardCharsets.UTF_8);
                out().println("Wrote the subject access " + (html ? "page" : "document") + " of case " + caseId + " to " + file);
            } else {
                out().println(document);
            }
            out().flush();
            return 0;
        }
    }
}

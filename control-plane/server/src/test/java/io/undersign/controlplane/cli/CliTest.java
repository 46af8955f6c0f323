package io.undersign.controlplane.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.undersign.cli.Undersign;
import io.undersign.controlplane.security.Role;
import io.undersign.controlplane.support.Api;
import io.undersign.controlplane.support.TestDatabase;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The `undersign` CLI against the real control plane: tables, JSON, live progress, one-line errors, exit codes. */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class CliTest {

    record Run(int exit, String out, String err) {
    }

    private Run undersign(Role role, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cli = Undersign.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        String[] full = new String[args.length + 4];
        System.arraycopy(args, 0, full, 0, args.length);
        full[args.length] = "--api-url";
        full[args.length + 1] = "http://127.0.0.1:18080";
        full[args.length + 2] = "--token";
        full[args.length + 3] = Api.token(role);
        int exit = cli.execute(full);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void createsATenantShowingLiveProgressThenShowsAndListsIt() throws Exception {
        String id = Api.uniqueId("cli");
        Run create = undersign(Role.OPERATOR, "tenants", "create", id, "--name", "Cli Life", "--wait");
        assertThat(create.exit()).as(create.err()).isZero();
        assertThat(create.out()).contains("[done]  provision-stack").contains("[done]  verify")
                .contains("Tenant " + id + " is ACTIVE").contains("https://uw." + id + ".localhost:18443/");

        Run show = undersign(Role.VIEWER, "tenants", "show", id);
        assertThat(show.exit()).isZero();
        assertThat(show.out()).contains("ACTIVE").contains("ELBSecurityPolicy-TLS13-1-2-Res-2021-06")
                .contains("TLSv1.3, TLSv1.2").contains("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256").containsPattern("deploy-runtime +SUCCEEDED");

        java.nio.file.Path out = java.nio.file.Files.createTempDirectory("certs");
        Run issue = undersign(Role.OPERATOR, "tenants", "certs", "issue", id, "--name", "core-system", "--out", out.toString());
        assertThat(issue.exit()).as(issue.err()).isZero();
        assertThat(out.resolve("core-system.crt")).content().startsWith("-----BEGIN CERTIFICATE-----");
        assertThat(java.nio.file.Files.getPosixFilePermissions(out.resolve("core-system.key")))
                .containsExactlyInAnyOrder(java.nio.file.attribute.PosixFilePermission.OWNER_READ, java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
        String serial = issue.out().replaceAll("(?s)Issued certificate (\\S+) .*", "$1");
        assertThat(undersign(Role.VIEWER, "tenants", "certs", "list", id).out()).contains(serial).contains("core-system");
        assertThat(undersign(Role.OPERATOR, "tenants", "certs", "revoke", id, serial).out()).startsWith("Revoked " + serial);

        java.nio.file.Path provider = out.resolve("provider.json");
        Run evidence = undersign(Role.OPERATOR, "tenants", "evidence-provider", id, "--out", provider.toString());
        assertThat(evidence.exit()).as(evidence.err()).isZero();
        assertThat(provider).content().contains("\"username\" : \"provider-" + id + "\"").contains("evidence.results");
        assertThat(java.nio.file.Files.getPosixFilePermissions(provider))
                .containsExactlyInAnyOrder(java.nio.file.attribute.PosixFilePermission.OWNER_READ, java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
        assertThat(undersign(Role.VIEWER, "tenants", "show", id).out()).contains("undersign." + id + ".evidence.results.DLQ");
        Run rotated = undersign(Role.OPERATOR, "tenants", "evidence-provider", id, "--out", provider.toString(), "-o", "json");
        assertThat(rotated.out()).contains("\"requestsQueue\" : \"undersign." + id + ".evidence.requests\"");
        assertThat(provider).content().contains(rotated.out().replaceAll("(?s).*\"password\" : \"([^\"]+)\".*", "$1"));

        Run json = undersign(Role.VIEWER, "tenants", "list", "--status", "ACTIVE", "--all", "-o", "json");
        assertThat(json.exit()).isZero();
        assertThat(json.out()).contains("\"id\" : \"" + id + "\"");

        Run audit = undersign(Role.OPERATOR, "audit", "--tenant", id);
        assertThat(audit.out()).contains("tenant.create").contains("succeeded").contains("evidence-provider.issue");
    }

    @Test
    void anApplicantsRightsAreCarriedOutFromTheCommandLine() throws Exception {
        String id = Api.uniqueId("clipriv");
        Api.onboard(id);
        String caseId = io.undersign.controlplane.support.Evidence.createPending(io.undersign.controlplane.support.MtlsClient.of(id, id),
                "POL-CLI").get("id").asText();

        java.nio.file.Path page = java.nio.file.Files.createTempFile("subject-access", ".html");
        Run access = undersign(Role.ADMIN, "cases", "subject-access", id, caseId, "--html", "--out", page.toString());
        assertThat(access.exit()).as(access.err()).isZero();
        assertThat(java.nio.file.Files.readString(page)).contains("Your answers", "height_cm", "168");
        Run json = undersign(Role.ADMIN, "cases", "subject-access", id, caseId);
        assertThat(json.exit()).isZero();
        assertThat(json.out()).contains("\"height_cm\" : 168", "\"engineDecisions\"");

        Run badId = undersign(Role.ADMIN, "cases", "erase", id, "not-a-case", "--reason", "x");
        assertThat(badId.exit()).isEqualTo(3);
        assertThat(badId.err().strip()).doesNotContain("\n").contains("(field: caseId)");
        Run noReason = undersign(Role.ADMIN, "cases", "erase", id, caseId);
        assertThat(noReason.exit()).isEqualTo(2);
        Run erased = undersign(Role.ADMIN, "cases", "erase", id, caseId, "--reason", "applicant's request");
        assertThat(erased.exit()).as(erased.err()).isZero();
        assertThat(erased.out()).contains("Case " + caseId + " of " + id + " erased at", "the applicant's answers", "Signature (Ed25519");

        Run rotated = undersign(Role.ADMIN, "tenants", "rotate-keys", id);
        assertThat(rotated.exit()).isZero();
        assertThat(rotated.out()).contains("2 key-encryption key(s)");
        Run notANumber = undersign(Role.ADMIN, "tenants", "retention", id, "--set", "declined=abc");
        assertThat(notANumber.exit()).isEqualTo(2);
        assertThat(notANumber.err().strip()).doesNotContain("\n").contains("declined");
        Run set = undersign(Role.ADMIN, "tenants", "retention", id, "--set", "declined=12", "--set", "accepted=none");
        assertThat(set.exit()).as(set.err()).isZero();
        assertThat(set.out()).contains("declined    12 months", "accepted    until an erasure request");
        Run check = undersign(Role.VIEWER, "tenants", "retention-check", id);
        assertThat(check.exit()).isZero();
        assertThat(check.out()).contains("keeps no case past its retention");
    }

    @Test
    void failuresPrintOneLineOnStderrWithANonZeroExit() {
        Run invalid = undersign(Role.OPERATOR, "tenants", "create", "Not_Valid", "--name", "X");
        assertThat(invalid.exit()).isEqualTo(3);
        assertThat(invalid.err().strip()).doesNotContain("\n").startsWith("error: ").contains("(field: id)");

        Run missing = undersign(Role.VIEWER, "tenants", "show", "no-such-tenant");
        assertThat(missing.exit()).isEqualTo(3);
        assertThat(missing.err()).contains("No tenant with id 'no-such-tenant'");

        Run forbidden = undersign(Role.VIEWER, "tenants", "suspend", "whoever");
        assertThat(forbidden.exit()).isEqualTo(3);
        assertThat(forbidden.err()).contains("HTTP 403");

        Run usage = undersign(Role.VIEWER, "tenants", "create");
        assertThat(usage.exit()).isEqualTo(2);
        assertThat(usage.err()).startsWith("error: ");
    }

    @Test
    void anUnreachableApiExitsWith4AndNamesTheUrl() {
        Run run = raw("tenants", "list", "--api-url", "http://127.0.0.1:1", "--token", "x");
        assertThat(run.exit()).isEqualTo(4);
        assertThat(run.err()).startsWith("error: cannot reach the Undersign API at http://127.0.0.1:1: ").doesNotContain("\tat ");
    }

    /** The command line alone, no API URL or token added. */
    private static Run raw(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cli = Undersign.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void everyCommandHasHelpAndATypoGetsASuggestion() {
        for (String[] command : new String[][] {{"tenants", "--help"}, {"tenants", "create", "--help"}, {"ops", "--help"}, {"ops", "list", "--help"},
                {"audit", "--help"}, {"tokens", "--help"}, {"tokens", "revoke", "--help"}, {"tenants", "certs", "issue", "--help"}}) {
            Run help = raw(command);
            assertThat(help.exit()).as(String.join(" ", command)).isZero();
            assertThat(help.out()).as(String.join(" ", command)).contains("Usage: undersign");
        }
        Run typo = raw("tenant", "list");
        assertThat(typo.exit()).isEqualTo(2);
        assertThat(typo.err().strip()).doesNotContain("\n").contains("did you mean: tenants");
        Run subTypo = raw("tenants", "lst");
        assertThat(subTypo.err()).contains("did you mean: list?");
    }

    @Test
    void badConnectionSettingsAreOneLineUsageErrors() {
        Run url = raw("tenants", "list", "--api-url", "not-a-url", "--token", "x");
        assertThat(url.exit()).isEqualTo(2);
        assertThat(url.err().strip()).isEqualTo("error: the API URL 'not-a-url' is not an http(s) URL like http://127.0.0.1:8080");
        // an empty --token is refused, never replaced by a stored admin token
        Run token = raw("tenants", "list", "--api-url", "http://127.0.0.1:18080", "--token", "");
        assertThat(token.exit()).isEqualTo(2);
        assertThat(token.err()).startsWith("error: --token is empty");
    }

    @Test
    void withJsonOutputErrorsAreJsonToo() throws Exception {
        Run missing = undersign(Role.VIEWER, "tenants", "show", "no-such-tenant", "-o", "json");
        assertThat(missing.exit()).isEqualTo(3);
        var error = new com.fasterxml.jackson.databind.ObjectMapper().readTree(missing.err());
        assertThat(error.get("error").asText()).contains("No tenant with id 'no-such-tenant'");
        assertThat(error.get("status").asInt()).isEqualTo(404);
        assertThat(error.get("exitCode").asInt()).isEqualTo(3);
    }

    @Test
    void aCertificateIssuedAsJsonNamesItsFilesAndNeverPrintsTheKey() throws Exception {
        String id = Api.uniqueId("cjs");
        Api.onboard(id);
        java.nio.file.Path out = java.nio.file.Files.createTempDirectory("certs-json");
        Run issue = undersign(Role.OPERATOR, "tenants", "certs", "issue", id, "--name", "batch", "--out", out.toString(), "-o", "json");
        assertThat(issue.exit()).as(issue.err()).isZero();
        assertThat(issue.out()).doesNotContain("PRIVATE KEY").contains(out.resolve("batch.key").toString());
        assertThat(out.resolve("batch.key")).content().contains("PRIVATE KEY");
    }

    @Test
    void tokensAreIssuedListedAndRevokedFromTheCommandLine() {
        Run issued = undersign(Role.ADMIN, "tokens", "issue", "--name", "ci-" + Api.uniqueId("t"), "--role", "viewer", "-o", "json");
        assertThat(issued.exit()).as(issued.err()).isZero();
        String id = issued.out().replaceAll("(?s).*\"id\" : \"([0-9a-f]{12})\".*", "$1");
        String token = issued.out().replaceAll("(?s).*\"token\" : \"([^\"]+)\".*", "$1");
        assertThat(undersign(Role.ADMIN, "tokens", "list").out()).contains(id).doesNotContain(token);

        Run works = raw("tenants", "list", "--api-url", "http://127.0.0.1:18080", "--token", token);
        assertThat(works.exit()).as(works.err()).isZero();
        assertThat(undersign(Role.ADMIN, "tokens", "revoke", id).out()).contains(id);
        Run refused = raw("tenants", "list", "--api-url", "http://127.0.0.1:18080", "--token", token);
        assertThat(refused.exit()).as("revoked: refused from the next request on").isEqualTo(3);
        assertThat(undersign(Role.OPERATOR, "audit", "--limit", "200").out()).contains("token.revoke").contains("id=" + id);
    }

    @Test
    void operationsAreListedByTenant() {
        String id = Api.uniqueId("opl");
        Api.onboard(id);
        Run list = undersign(Role.VIEWER, "ops", "list", "--tenant", id);
        assertThat(list.exit()).as(list.err()).isZero();
        assertThat(list.out()).contains(id).contains("ONBOARD").contains("SUCCEEDED");
        Run bad = undersign(Role.VIEWER, "ops", "list", "--kind", "dance");
        assertThat(bad.exit()).isEqualTo(3);
        assertThat(bad.err()).contains("Unknown kind 'dance'");
    }

    @Test
    void rulebooksAreUploadedComparedAndReleasesMadeFromTheCommandLine() throws Exception {
        String sample = new String(CliTest.class.getClassLoader().getResourceAsStream("rulebooks/term-life-uk.yaml").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        String a = "2098." + (System.nanoTime() % 100000) + ".1";
        String b = "2098." + (System.nanoTime() % 100000) + ".2";
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("rulebooks");
        java.nio.file.Path fileA = java.nio.file.Files.writeString(dir.resolve("a.yaml"), sample.replace("version: 2026.12.1", "version: " + a));
        java.nio.file.Path fileB = java.nio.file.Files.writeString(dir.resolve("b.yaml"), sample.replace("version: 2026.12.1", "version: " + b)
                .replace("decline-over: 300", "decline-over: 250"));
        java.nio.file.Path broken = java.nio.file.Files.writeString(dir.resolve("broken.yaml"), sample.replace("when: smoker\n", "when: smokr\n"));

        Run uploaded = undersign(Role.OPERATOR, "rulebooks", "upload", fileA.toString());
        assertThat(uploaded.exit()).as(uploaded.err()).isZero();
        assertThat(uploaded.out()).contains("Rulebook term-life-uk " + a).contains("term-life");
        assertThat(undersign(Role.OPERATOR, "rulebooks", "upload", fileB.toString()).exit()).isZero();
        Run refused = undersign(Role.OPERATOR, "rulebooks", "upload", broken.toString());
        assertThat(refused.exit()).isEqualTo(3);
        assertThat(refused.err().lines().count()).isEqualTo(1);
        assertThat(refused.err()).contains("smokr").contains("(field: source.");
        assertThat(undersign(Role.VIEWER, "rulebooks", "diff", "term-life-uk", a, b).out())
                .contains("1 change(s)").contains("thresholds 'thresholds' changed: declineOver");
        assertThat(undersign(Role.VIEWER, "rulebooks", "list").out()).contains(a).contains(b);

        String release = "cli-" + Api.uniqueId("r");
        java.nio.file.Path jar = java.nio.file.Path.of("../../tenant-runtime/app/target/tenant-runtime.jar");
        Run created = undersign(Role.OPERATOR, "releases", "create", release, "--runtime-jar", jar.toString(), "--schema",
                io.undersign.controlplane.support.TenantSchema.latestVersion(), "--rulebook", "term-life-uk=" + a,
                "--import-dir", "target/undersign-releases/import");
        assertThat(created.exit()).as(created.err()).isZero();
        assertThat(created.out()).contains("Release " + release).contains("rulebook  term-life-uk " + a);
        assertThat(undersign(Role.VIEWER, "releases", "list").out()).contains(release);
        assertThat(undersign(Role.VIEWER, "releases", "show", release).out()).contains("tenants   none");
        Run badPin = undersign(Role.OPERATOR, "releases", "create", release, "--runtime-jar", jar.toString(), "--schema", "1",
                "--rulebook", "term-life-uk");
        assertThat(badPin.exit()).isEqualTo(2);
        assertThat(badPin.err()).contains("--rulebook must be ID=VERSION");
    }
}

package io.undersign.controlplane.release;

import static io.undersign.controlplane.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.undersign.controlplane.security.Role;
import io.undersign.controlplane.support.Releases;
import io.undersign.controlplane.support.TenantSchema;
import io.undersign.controlplane.support.TestDatabase;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Rulebook versions and releases as the control plane keeps them: validated, immutable once used, audited. */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class ReleasesTest {
    private static final Path RUNTIME_JAR = Releases.RUNTIME_JAR;
    private static final Path IMPORT = Releases.IMPORT;

    @Inject
    ReleaseService releases;

    @Test
    void aRulebookIsValidatedTriedAndNeverChanged() throws IOException {
        String v = Releases.uniqueVersion();
        as(Role.OPERATOR).body(Map.of("source", Releases.version(v), "profiles", Releases.PROFILES)).post("/api/v1/rulebooks").then().statusCode(201)
                .body("id", equalTo("term-life-uk")).body("version", equalTo(v)).body("products", hasItem("term-life"))
                .body("profiles.count", equalTo(2)).body("profiles.passed", equalTo(2));
        // the same again changes nothing; other content under the same version is refused
        as(Role.OPERATOR).body(Map.of("source", Releases.version(v), "profiles", Releases.PROFILES)).post("/api/v1/rulebooks").then().statusCode(200);
        as(Role.OPERATOR).body(Map.of("source", Releases.version(v).replace("decline-over: 300", "decline-over: 250"))).post("/api/v1/rulebooks")
                .then().statusCode(409).body("type", containsString("rulebook-version-exists"));

        as(Role.VIEWER).get("/api/v1/rulebooks").then().statusCode(200).body("version", hasItem(v));
        as(Role.VIEWER).get("/api/v1/rulebooks/term-life-uk/" + v).then().statusCode(200).body("profiles.failed.size()", equalTo(0));
        assertThat(as(Role.VIEWER).get("/api/v1/rulebooks/term-life-uk/" + v + "/source").then().statusCode(200).extract().asString())
                .isEqualTo(Releases.version(v));
        as(Role.VIEWER).get("/api/v1/rulebooks/term-life-uk/1999.1.1").then().statusCode(404);
        assertThat(as(Role.OPERATOR).queryParam("limit", 500).get("/api/v1/audit").then().statusCode(200).extract().jsonPath()
                .getList("items.detail", String.class)).anyMatch(d -> d != null && d.contains("term-life-uk " + v));
    }

    @Test
    void anInvalidRulebookIsRefusedWithEveryProblemAtItsPathAndNothingKept() throws IOException {
        String v = Releases.uniqueVersion();
        String broken = Releases.version(v).replace("when: smoker && cigarettes_per_day > 20", "when: smokr && cigarettes_per_day > 20")
                .replace("decline-over: 300", "decline-over: -1");
        var problem = as(Role.OPERATOR).body(Map.of("source", broken)).post("/api/v1/rulebooks").then().statusCode(422)
                .contentType("application/problem+json").extract().jsonPath();
        assertThat(problem.getList("errors.field", String.class)).hasSizeGreaterThanOrEqualTo(2).allMatch(f -> f.startsWith("source."))
                .anyMatch(f -> f.contains("rules[")).anyMatch(f -> f.contains("thresholds"));
        as(Role.VIEWER).get("/api/v1/rulebooks/term-life-uk/" + v).then().statusCode(404);
        // profiles for another rulebook are refused too, at their field
        as(Role.OPERATOR).body(Map.of("source", Releases.version(v), "profiles", Releases.PROFILES.replace("rulebook: term-life-uk", "rulebook: other")))
                .post("/api/v1/rulebooks").then().statusCode(422).body("field", equalTo("profiles.rulebook"));
        as(Role.VIEWER).body(Map.of("source", Releases.version(v))).post("/api/v1/rulebooks").then().statusCode(403);
    }

    @Test
    void aDiffSaysWhatChangedInWords() throws IOException {
        String a = Releases.uniqueVersion();
        String b = Releases.uniqueVersion() + "1";
        as(Role.OPERATOR).body(Map.of("source", Releases.version(a))).post("/api/v1/rulebooks").then().statusCode(201);
        as(Role.OPERATOR).body(Map.of("source", Releases.version(b).replace("decline-over: 300", "decline-over: 250"))).post("/api/v1/rulebooks")
                .then().statusCode(201);
        as(Role.VIEWER).queryParam("from", a).queryParam("to", b).get("/api/v1/rulebooks/term-life-uk/diff").then().statusCode(200)
                .body("changes.words", equalTo(java.util.List.of("thresholds 'thresholds' changed: declineOver")));
        as(Role.VIEWER).queryParam("from", a).get("/api/v1/rulebooks/term-life-uk/diff").then().statusCode(400).body("field", equalTo("to"));
    }

    @Test
    void aReleasePinsAKeptBuildASchemaAndARulebookAndIsImmutableOnceRun() throws Exception {
        String sha = Releases.importedBuild();
        String v = Releases.uniqueVersion();
        as(Role.OPERATOR).body(Map.of("source", Releases.version(v))).post("/api/v1/rulebooks").then().statusCode(201);
        String id = "r-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> body = Map.of("runtime", Map.of("sha256", sha), "schemaVersion", TenantSchema.latestVersion(),
                "rulebook", Map.of("id", "term-life-uk", "version", v));

        var created = as(Role.OPERATOR).body(body).put("/api/v1/releases/" + id).then().statusCode(201).extract().jsonPath();
        assertThat(created.getString("buildId")).startsWith(created.getString("runtimeVersion") + "+");
        assertThat(created.getBoolean("immutable")).isFalse();
        as(Role.OPERATOR).body(body).put("/api/v1/releases/" + id).then().statusCode(200);
        as(Role.VIEWER).get("/api/v1/releases").then().statusCode(200).body("id", hasItem(id));
        // refused before anything changes: unknown schema, unknown rulebook, build never imported
        as(Role.OPERATOR).body(Map.of("runtime", Map.of("sha256", sha), "schemaVersion", "999", "rulebook", Map.of("id", "term-life-uk", "version", v)))
                .put("/api/v1/releases/" + id).then().statusCode(422).body("field", equalTo("schemaVersion"));
        as(Role.OPERATOR).body(Map.of("runtime", Map.of("sha256", sha), "schemaVersion", "1", "rulebook", Map.of("id", "term-life-uk", "version", "0.0.0")))
                .put("/api/v1/releases/" + id).then().statusCode(422).body("field", equalTo("rulebook"));
        as(Role.OPERATOR).body(Map.of("runtime", Map.of("sha256", "0".repeat(64)), "schemaVersion", "1", "rulebook", Map.of("id", "term-life-uk", "version", v)))
                .put("/api/v1/releases/" + id).then().statusCode(422).body("field", equalTo("runtime.sha256"));
        as(Role.VIEWER).get("/api/v1/releases/" + id).then().statusCode(200).body("schemaVersion", equalTo(TenantSchema.latestVersion()));

        releases.markRun(id);
        as(Role.OPERATOR).body(Map.of("runtime", Map.of("sha256", sha), "schemaVersion", "1", "rulebook", Map.of("id", "term-life-uk", "version", v)))
                .put("/api/v1/releases/" + id).then().statusCode(409).contentType("application/problem+json").body("type", containsString("release-immutable"));
        as(Role.OPERATOR).body(body).put("/api/v1/releases/" + id).then().statusCode(200).body("immutable", equalTo(true));
        as(Role.OPERATOR).delete("/api/v1/releases/" + id).then().statusCode(409);
        as(Role.OPERATOR).body(body).put("/api/v1/releases/bad id").then().statusCode(400).body("field", equalTo("id"));
    }

    @Test
    void newTenantsOnboardOntoTheDefaultReleaseWhichCannotThenBeRemoved() throws Exception {
        String release = Releases.release("def", Releases.importedBuild(), Releases.version(Releases.uniqueVersion()));
        as(Role.VIEWER).put("/api/v1/releases/" + release + "/default").then().statusCode(403);
        as(Role.OPERATOR).put("/api/v1/releases/no-such-release/default").then().statusCode(404);
        try {
            as(Role.OPERATOR).put("/api/v1/releases/" + release + "/default").then().statusCode(200).body("defaultForNewTenants", equalTo(true));
            as(Role.OPERATOR).put("/api/v1/releases/" + release + "/default").then().statusCode(200);
            as(Role.OPERATOR).delete("/api/v1/releases/" + release).then().statusCode(409).body("type", containsString("release-is-default"));
            String tenant = io.undersign.controlplane.support.Api.uniqueId("def");
            io.undersign.controlplane.support.Api.onboard(tenant);
            var shown = io.undersign.controlplane.support.Api.tenant(tenant);
            assertThat(shown.getString("currentRelease")).isEqualTo(release);
            assertThat(shown.getString("runtime.state")).isEqualTo("running");
            as(Role.VIEWER).get("/api/v1/releases/" + release).then().statusCode(200).body("immutable", equalTo(true))
                    .body("tenants.id", hasItem(tenant)).body("defaultForNewTenants", equalTo(true));
        } finally {
            as(Role.OPERATOR).delete("/api/v1/releases/" + release + "/default").then().statusCode(200).body("defaultForNewTenants", equalTo(false));
        }
        as(Role.OPERATOR).delete("/api/v1/releases/" + release + "/default").then().statusCode(200);
        String later = io.undersign.controlplane.support.Api.uniqueId("nodef");
        io.undersign.controlplane.support.Api.onboard(later);
        assertThat(io.undersign.controlplane.support.Api.tenant(later).getString("currentRelease")).isNull();
    }

    @Test
    void aBuildIsKeptOnlyWhenItHashesToItsNameAndCarriesItsStamp() throws Exception {
        String missing = "a".repeat(64);
        as(Role.OPERATOR).body(Map.of("sha256", missing)).post("/api/v1/releases/artifacts").then().statusCode(404)
                .body("detail", containsString(missing + ".jar"));
        as(Role.OPERATOR).body(Map.of("sha256", "../../etc/passwd")).post("/api/v1/releases/artifacts").then().statusCode(400)
                .body("field", equalTo("sha256"));
        Files.createDirectories(IMPORT);
        String wrong = "b".repeat(64);
        Files.copy(RUNTIME_JAR, IMPORT.resolve(wrong + ".jar"), StandardCopyOption.REPLACE_EXISTING);
        as(Role.OPERATOR).body(Map.of("sha256", wrong)).post("/api/v1/releases/artifacts").then().statusCode(422)
                .body("type", containsString("artifact-hash-mismatch"));
        Path notAJar = Files.writeString(Files.createTempFile("not-a-jar", ".jar"), "hello");
        String notAJarSha = RuntimeArtifacts.sha256Of(notAJar);
        Files.move(notAJar, IMPORT.resolve(notAJarSha + ".jar"), StandardCopyOption.REPLACE_EXISTING);
        as(Role.OPERATOR).body(Map.of("sha256", notAJarSha)).post("/api/v1/releases/artifacts").then().statusCode(422)
                .body("type", containsString("not-a-runtime-build"));
        String sha = Releases.importedBuild();
        as(Role.OPERATOR).body(Map.of("sha256", sha)).post("/api/v1/releases/artifacts").then().statusCode(200).body("sha256", equalTo(sha));
    }
}

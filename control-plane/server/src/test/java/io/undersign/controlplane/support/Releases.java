package io.undersign.controlplane.support;

import static io.undersign.controlplane.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;

import io.undersign.controlplane.security.Role;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

/** Rulebook versions, runtime builds and releases as the tests make them through the admin API. */
public final class Releases {
    public static final Path RUNTIME_JAR = Path.of("../../tenant-runtime/app/target/tenant-runtime.jar");
    public static final Path IMPORT = Path.of("target/undersign-releases/import");

    /** Two profiles of the sample rulebook with the decisions they expect. */
    public static final String PROFILES = """
            rulebook: term-life-uk
            application-date: 2026-12-01
            defaults: {date_of_birth: "1990-06-15", sex: female, sum_assured: 250000, term_years: 25, occupation_class: "1",
              height_cm: 168, weight_kg: 64, smoker: false, alcohol_units_per_week: 8, hazardous_pursuits: [], travel_advisory: none,
              asthma: false, diabetes: false, hypertension: false, heart_condition: none, cancer_history: false, mental_health: none,
              family_history_under_60: 0, under_investigation: false, hospital_admissions_12m: 0, self_harm: none}
            profiles:
              - name: healthy
                answers: {}
                expect: {outcome: STANDARD}
              - name: heavy smoker
                answers: {smoker: true, cigarettes_per_day: 30}
                expect: {outcome: RATED, table: 3}
            """;

    /** The sample rulebook's heavy-smoker debits doubled: its profile no longer gets what it expects. */
    public static String drifted(String rulebook) {
        return rulebook.replace("    when: smoker && cigarettes_per_day > 20\n    debits: 50\n", "    when: smoker && cigarettes_per_day > 20\n    debits: 100\n");
    }

    private Releases() {
    }

    public static String sample() throws IOException {
        try (InputStream in = Releases.class.getClassLoader().getResourceAsStream("rulebooks/term-life-uk.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The sample under a version of its own, so that each test run uploads something new. */
    public static String version(String version) throws IOException {
        return sample().replace("version: 2026.12.1", "version: " + version);
    }

    public static String uniqueVersion() {
        return "2099." + (System.nanoTime() % 100000) + "." + UUID.randomUUID().toString().substring(0, 4).replaceAll("[^0-9]", "1");
    }

    public static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The runtime this build made, put where the CLI puts it, then kept; its SHA-256. */
    public static String importedBuild() throws IOException {
        return imported(RUNTIME_JAR);
    }

    /** Any jar, put in the import directory under its hash and imported. */
    public static String imported(Path jar) throws IOException {
        String sha = sha256(jar);
        Files.createDirectories(IMPORT);
        Files.copy(jar, IMPORT.resolve(sha + ".jar"), StandardCopyOption.REPLACE_EXISTING);
        int status = as(Role.OPERATOR).body(Map.of("sha256", sha)).post("/api/v1/releases/artifacts").then().extract().statusCode();
        assertThat(status).isIn(200, 201);
        return sha;
    }

    /** A jar with a build stamp and nothing to run, imported; its SHA-256. */
    public static String brokenBuild() throws IOException {
        Path jar = Files.createTempFile("broken-runtime", ".jar");
        java.util.jar.Manifest manifest = new java.util.jar.Manifest();
        manifest.getMainAttributes().put(java.util.jar.Attributes.Name.MANIFEST_VERSION, "1.0");
        try (java.util.jar.JarOutputStream out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar), manifest)) {
            out.putNextEntry(new java.util.zip.ZipEntry("META-INF/undersign/build.properties"));
            out.write(("version=9.9.9\nbuild-id=9.9.9+" + System.nanoTime() + "\n").getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return imported(jar);
    }

    /** A release of build {@code sha} with {@code rulebook} (uploaded with {@link #PROFILES}), at the newest tenant schema; its id. */
    public static String release(String prefix, String sha, String rulebook) {
        String version = rulebook.replaceAll("(?s).*\\n  version: ([^\\n]+)\\n.*", "$1");
        as(Role.OPERATOR).body(Map.of("source", rulebook, "profiles", PROFILES)).post("/api/v1/rulebooks").then().statusCode(201);
        String id = prefix + "-" + version;
        as(Role.OPERATOR).body(Map.of("runtime", Map.of("sha256", sha), "schemaVersion", TenantSchema.latestVersion(),
                "rulebook", Map.of("id", "term-life-uk", "version", version))).put("/api/v1/releases/" + id).then().statusCode(201);
        return id;
    }
}

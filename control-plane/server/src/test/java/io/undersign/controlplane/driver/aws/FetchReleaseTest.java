package io.undersign.controlplane.driver.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.head;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The boot script that fetches a release's build and rulebook: the real AWS CLI (installed by
 * .ci/run) against a local server speaking S3's REST protocol.
 */
class FetchReleaseTest {
    private static final Path SCRIPT = Path.of("../../ops/ami/fetch-release").toAbsolutePath().normalize();
    private static final String BUCKET = "undersign-releases-eu-west-2";
    private static final byte[] JAR = "PK\u0003\u0004 a runtime build".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] RULEBOOK = "id: sample\nversion: '3'\n".getBytes(StandardCharsets.UTF_8);

    private WireMockServer aws;

    @TempDir
    Path dir;

    @BeforeEach
    void start() {
        assumeTrue(List.of(System.getenv("PATH").split(":")).stream().anyMatch(d -> Files.isExecutable(Path.of(d, "aws"))),
                "the AWS CLI (.ci/run installs it)");
        aws = LocalAws.start();
        object("releases/" + sha(JAR) + ".jar", JAR);
        object("rulebooks/" + sha(RULEBOOK) + ".yaml", RULEBOOK);
    }

    @AfterEach
    void stop() {
        if (aws != null) {
            aws.stop();
        }
    }

    @Test
    void keepsTheReleasesFilesUnderTheirHashesAndNamesThemForTheRuntime() throws Exception {
        Path out = dir.resolve("etc/release.env");
        Result result = fetch(sha(JAR), out);

        assertThat(result.exit()).as(result.output()).isZero();
        Path jar = dir.resolve("release/runtime-" + sha(JAR) + ".jar");
        Path rulebook = dir.resolve("release/rulebook-" + sha(RULEBOOK) + ".yaml");
        assertThat(jar).hasBinaryContent(JAR);
        assertThat(rulebook).hasBinaryContent(RULEBOOK);
        assertThat(Files.readAllLines(out)).containsExactly("UNDERSIGN_RELEASE=\"2026.12.1\"", "UNDERSIGN_RUNTIME_JAR=\"" + jar + "\"",
                "UNDERSIGN_RULEBOOK_LOCATION=\"" + rulebook + "\"");
        try (var left = Files.list(dir.resolve("release"))) {
            assertThat(left).as("no download left behind").containsExactlyInAnyOrder(jar, rulebook);
        }
    }

    @Test
    void aBuildThatDoesNotHashToTheReleasesShaIsNeverKept() throws Exception {
        String other = "0".repeat(64);
        object("releases/" + other + ".jar", JAR);
        Path out = dir.resolve("etc/release.env");
        Result result = fetch(other, out);

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.output()).contains("has SHA-256 " + sha(JAR) + ", not " + other + "; not started");
        assertThat(out).doesNotExist();
        try (var left = Files.list(dir.resolve("release"))) {
            assertThat(left).isEmpty();
        }
    }

    private Result fetch(String artifactSha, Path out) throws Exception {
        Path config = Files.writeString(dir.resolve("aws-config"), "[default]\ns3 =\n  addressing_style = path\n");
        ProcessBuilder builder = new ProcessBuilder("bash", SCRIPT.toString(), "--region", "eu-west-2", "--release", "2026.12.1",
                "--artifact", "s3://" + BUCKET + "/releases/" + artifactSha + ".jar", "--artifact-sha256", artifactSha,
                "--rulebook", "s3://" + BUCKET + "/rulebooks/" + sha(RULEBOOK) + ".yaml", "--rulebook-sha256", sha(RULEBOOK),
                "--dir", dir.resolve("release").toString(), "--out", out.toString(), "--endpoint-url", aws.baseUrl())
                .redirectErrorStream(true);
        builder.environment().putAll(Map.of("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE", "AWS_SECRET_ACCESS_KEY",
                "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "AWS_EC2_METADATA_DISABLED", "true", "AWS_CONFIG_FILE", config.toString(),
                "AWS_SHARED_CREDENTIALS_FILE", "/dev/null"));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }

    record Result(int exit, String output) {
    }

    /** GetObject and HeadObject of one object, as S3 answers them. */
    private void object(String key, byte[] body) {
        aws.stubFor(head(urlPathEqualTo("/" + BUCKET + "/" + key)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Length", String.valueOf(body.length)).withHeader("ETag", "\"etag\"")
                .withHeader("Last-Modified", "Wed, 02 Dec 2026 12:00:00 GMT").withHeader("Content-Type", "application/octet-stream")));
        aws.stubFor(get(urlPathEqualTo("/" + BUCKET + "/" + key)).willReturn(aResponse().withStatus(200).withBody(body)
                .withHeader("ETag", "\"etag\"").withHeader("Last-Modified", "Wed, 02 Dec 2026 12:00:00 GMT")
                .withHeader("Content-Type", "application/octet-stream")));
    }

    private static String sha(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package io.undersign.controlplane.driver.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.head;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.undersign.controlplane.release.RuntimeArtifacts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.regions.Region;

/** Release objects put once under their hash, with the real S3 client against a stand-in speaking S3's REST protocol. */
class ReleaseObjectsTest {
    private static final String BUCKET = "undersign-releases-eu-west-2";

    private WireMockServer aws;
    private ReleaseObjects objects;

    @TempDir
    Path dir;

    @BeforeEach
    void start() {
        aws = LocalAws.start();
        objects = new ReleaseObjects(AwsClients.s3(LocalAws.settings(aws, 2), Region.EU_WEST_2), BUCKET);
    }

    @AfterEach
    void stop() {
        aws.stop();
    }

    @Test
    void anAbsentObjectIsPutWithItsChecksumForS3ToVerify() throws Exception {
        Path jar = file("runtime build");
        String sha = RuntimeArtifacts.sha256Of(jar);
        String key = ReleaseObjects.artifactKey(sha);
        aws.stubFor(head(urlEqualTo("/" + BUCKET + "/" + key)).willReturn(aResponse().withStatus(404)));
        aws.stubFor(put(urlPathEqualTo("/" + BUCKET + "/" + key)).willReturn(aResponse().withStatus(200).withHeader("ETag", "\"e\"")));

        assertThat(objects.put(key, jar, sha)).isEqualTo("s3://" + BUCKET + "/releases/" + sha + ".jar");

        var sent = aws.findAll(putRequestedFor(urlPathEqualTo("/" + BUCKET + "/" + key)));
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).getHeader("x-amz-meta-sha256")).isEqualTo(sha);
        assertThat(sent.get(0).getHeader("x-amz-checksum-sha256")).isEqualTo(Base64.getEncoder().encodeToString(HexFormat.of().parseHex(sha)));
    }

    @Test
    void anObjectAlreadyThereIsNotPutAgainAndOneWithOtherBytesIsNotReplaced() throws Exception {
        Path rulebook = file("rulebook: sample");
        String sha = RuntimeArtifacts.sha256Of(rulebook);
        String key = ReleaseObjects.rulebookKey(sha);
        aws.stubFor(head(urlEqualTo("/" + BUCKET + "/" + key)).willReturn(aResponse().withStatus(200).withHeader("x-amz-meta-sha256", sha)));
        assertThat(objects.put(key, rulebook, sha)).endsWith("/rulebooks/" + sha + ".yaml");

        aws.stubFor(head(urlEqualTo("/" + BUCKET + "/" + key)).willReturn(aResponse().withStatus(200).withHeader("x-amz-meta-sha256", "0".repeat(64))));
        assertThatThrownBy(() -> objects.put(key, rulebook, sha)).hasMessageContaining("holds an object of SHA-256 " + "0".repeat(64))
                .hasMessageContaining("not replaced");
        assertThat(aws.findAll(putRequestedFor(urlPathEqualTo("/" + BUCKET + "/" + key)).withHeader("x-amz-meta-sha256", equalTo(sha)))).isEmpty();
    }

    private Path file(String content) throws Exception {
        Path file = dir.resolve("f" + content.hashCode());
        Files.writeString(file, content);
        return file;
    }
}

package io.undersign.controlplane.driver.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import io.undersign.contract.TenantProfile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runtime image's boot script against the parameters the deployer writes and the secrets the
 * provisioner makes: the real AWS CLI (installed by .ci/run) against a local server speaking SSM's
 * and Secrets Manager's JSON protocols.
 */
class FetchConfigTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SCRIPT = Path.of("../../ops/ami/fetch-config").toAbsolutePath().normalize();
    static final String ROOT_KEY_ARN = "arn:aws:kms:eu-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    private static final String API_URL = "https://api.uw.acme.undersign.example";
    private static final String JDBC = "jdbc:mysql://undersign-acme.abcdefghijkl.eu-west-2.rds.amazonaws.com:3306/tenant_acme?sslMode=VERIFY_IDENTITY";
    private static final String BROKER = "failover:(ssl://b-1.mq.eu-west-2.amazonaws.com:61617)?maxReconnectAttempts=-1";

    private WireMockServer aws;

    @TempDir
    Path dir;

    @BeforeEach
    void start() {
        assumeTrue(onPath("aws") && onPath("jq"), "the AWS CLI and jq (.ci/run installs them)");
        aws = LocalAws.start();
        secret("undersign/acme/db", "tenant_acme", "Q7fH2kLm9PzX4vB8nR1tY6wC3sD5gJ0a");
        secret("undersign/acme/broker", "tenant-acme", "pa\"ss\\word");
        // no identity provider set for the workbench: Secrets Manager's own answer for a secret that is not there
        aws.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("secretsmanager.GetSecretValue"))
                .withRequestBody(containing("\"undersign/acme/oidc\"")).atPriority(1).willReturn(aResponse().withStatus(400)
                        .withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody("{\"__type\":\"ResourceNotFoundException\",\"message\":\"Secrets Manager can't find the specified secret.\"}")));
    }

    @AfterEach
    void stop() {
        if (aws != null) {
            aws.stop();
        }
    }

    @Test
    void writesTheRuntimesEnvironmentFromItsParametersAndSecrets() throws Exception {
        parameters(RuntimeRollout.runtimeParameters("acme", "Acme \"Life\" ${UNDERSIGN_BROKER_PASSWORD}", "#0a5c36", API_URL, JDBC, "undersign/acme/db", BROKER,
                "undersign/acme/broker", "0.1.0", ROOT_KEY_ARN, "tenant_acme_keys"));

        Path env = dir.resolve("etc/undersign/runtime.env");
        Result result = fetch(env);

        assertThat(result.exit()).as(result.output()).isZero();
        assertThat(Files.readAllLines(env)).containsExactly(
                "UNDERSIGN_TENANT_ID=\"acme\"",
                // the tenant's own words only base64-encoded: nothing on the way interprets them
                "UNDERSIGN_PROFILE_DISPLAY_NAME_B64=\"" + TenantProfile.encode("Acme \"Life\" ${UNDERSIGN_BROKER_PASSWORD}") + "\"",
                "UNDERSIGN_PROFILE_COLOUR_B64=\"" + TenantProfile.encode("#0a5c36") + "\"",
                "QUARKUS_DATASOURCE_JDBC_URL=\"" + JDBC + "\"",
                "QUARKUS_DATASOURCE_USERNAME=\"tenant_acme\"",
                "QUARKUS_DATASOURCE_PASSWORD=\"Q7fH2kLm9PzX4vB8nR1tY6wC3sD5gJ0a\"",
                "UNDERSIGN_BROKER_URL=\"" + BROKER + "\"",
                "UNDERSIGN_BROKER_USERNAME=\"tenant-acme\"",
                "UNDERSIGN_BROKER_PASSWORD=\"pa\\\"ss\\\\word\"",
                "UNDERSIGN_TENANT_API_URL=\"" + API_URL + "\"",
                "UNDERSIGN_RELEASE=\"0.1.0\"",
                "UNDERSIGN_ROOT_KEY_KMS_ARN=\"" + ROOT_KEY_ARN + "\"",
                "UNDERSIGN_KEY_DATABASE=\"tenant_acme_keys\"");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(env))).isEqualTo("rw-------");
        String asked = aws.findAll(postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("AmazonSSM.GetParametersByPath")))
                .get(0).getBodyAsString();
        assertThat(JSON.readTree(asked).get("Path").asText()).isEqualTo("/undersign/acme/");
        assertThat(JSON.readTree(asked).get("WithDecryption").asBoolean()).isTrue();
        try (var left = Files.list(env.getParent())) {
            assertThat(left).as("no temporary file left").containsExactly(env);
        }
    }

    @Test
    void theInsurersIdentityProviderReachesTheWorkbenchWhenItIsSet() throws Exception {
        parameters(RuntimeRollout.runtimeParameters("acme", "Acme", null, API_URL, JDBC, "undersign/acme/db", BROKER,
                "undersign/acme/broker", "0.1.0", ROOT_KEY_ARN, "tenant_acme_keys"));
        ObjectNode value = JSON.createObjectNode().put("issuer", "https://login.acme.example/realms/uw").put("clientId", "workbench")
                .put("clientSecret", "s3cr\"et").put("rolesClaim", "roles");
        aws.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("secretsmanager.GetSecretValue"))
                .withRequestBody(containing("\"undersign/acme/oidc\"")).atPriority(0).willReturn(okJson(JSON.createObjectNode()
                        .put("Name", "undersign/acme/oidc").put("SecretString", value.toString()).put("VersionId", "v1").toString())));
        Path env = dir.resolve("runtime.env");
        Result result = fetch(env);

        assertThat(result.exit()).as(result.output()).isZero();
        assertThat(Files.readAllLines(env)).contains("UNDERSIGN_OIDC_ISSUER=\"https://login.acme.example/realms/uw\"",
                "UNDERSIGN_OIDC_CLIENT_ID=\"workbench\"", "UNDERSIGN_OIDC_CLIENT_SECRET=\"s3cr\\\"et\"", "UNDERSIGN_OIDC_ROLES_CLAIM=\"roles\"");
    }

    @Test
    void aMissingParameterWritesNothingAndSaysWhich() throws Exception {
        Map<String, String> incomplete = new java.util.LinkedHashMap<>(RuntimeRollout.runtimeParameters("acme", "Acme", null, API_URL, JDBC,
                "undersign/acme/db", BROKER, "undersign/acme/broker", "0.1.0", ROOT_KEY_ARN, "tenant_acme_keys"));
        incomplete.remove("db-url");
        parameters(incomplete);

        Path env = dir.resolve("runtime.env");
        Result result = fetch(env);

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.output()).contains("parameter /undersign/acme/db-url is missing");
        assertThat(env).doesNotExist();
        try (var left = Files.list(dir)) {
            assertThat(left).isEmpty();
        }
    }

    private Result fetch(Path env) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("bash", SCRIPT.toString(), "--region", "eu-west-2", "--path", "/undersign/acme/",
                "--out", env.toString(), "--endpoint-url", aws.baseUrl()).redirectErrorStream(true);
        builder.environment().putAll(Map.of("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE", "AWS_SECRET_ACCESS_KEY",
                "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "AWS_EC2_METADATA_DISABLED", "true", "AWS_CONFIG_FILE", "/dev/null",
                "AWS_SHARED_CREDENTIALS_FILE", "/dev/null"));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }

    record Result(int exit, String output) {
    }

    /** GetParametersByPath's answer, as in the SSM API reference, for parameters under /undersign/acme/. */
    private void parameters(Map<String, String> values) {
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode list = answer.putArray("Parameters");
        values.forEach((name, value) -> list.addObject().put("Name", "/undersign/acme/" + name).put("Type", "String")
                .put("Value", value).put("Version", 1).put("ARN", "arn:aws:ssm:eu-west-2:111122223333:parameter/undersign/acme/" + name));
        aws.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("AmazonSSM.GetParametersByPath"))
                .willReturn(okJson(answer.toString())));
    }

    private void secret(String name, String user, String password) {
        ObjectNode value = JSON.createObjectNode().put("username", user).put("password", password);
        ObjectNode answer = JSON.createObjectNode().put("ARN", "arn:aws:secretsmanager:eu-west-2:111122223333:secret:" + name + "-AbCdEf")
                .put("Name", name).put("SecretString", value.toString()).put("VersionId", "v1");
        aws.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("secretsmanager.GetSecretValue"))
                .withRequestBody(containing("\"" + name + "\"")).willReturn(okJson(answer.toString())));
    }

    private static boolean onPath(String command) {
        return List.of(System.getenv("PATH").split(":")).stream().anyMatch(d -> Files.isExecutable(Path.of(d, command)));
    }
}

package io.undersign.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.crypto.tink.Aead;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The root key through KMS, against a local endpoint that speaks KMS's wire protocol (JSON 1.1,
 * X-Amz-Target TrentService.Encrypt / Decrypt, SigV4-signed): the associated data travels as the
 * encryption context, and a ciphertext decrypted under any other context is refused, as KMS does.
 */
class KmsRootKeyTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ARN = "arn:aws:kms:eu-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    private static HttpServer kms;
    private static Aead standInKey;
    private static final List<String> calls = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void standIn() throws Exception {
        System.setProperty("aws.accessKeyId", "AKIDEXAMPLE");
        System.setProperty("aws.secretAccessKey", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
        standInKey = RootKeys.local(RootKeys.newLocal());
        kms = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        kms.createContext("/", KmsRootKeyTest::handle);
        kms.start();
    }

    @AfterAll
    static void stop() {
        kms.stop(0);
    }

    private static void handle(HttpExchange exchange) throws java.io.IOException {
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        JsonNode body = JSON.readTree(exchange.getRequestBody());
        calls.add(target);
        ObjectNode answer = JSON.createObjectNode();
        int status = 200;
        try {
            if (auth == null || !auth.startsWith("AWS4-HMAC-SHA256")) {
                throw new GeneralSecurityException("unsigned");
            }
            if (!ARN.equals(body.path("KeyId").asText())) {
                throw new GeneralSecurityException("another key");
            }
            byte[] context = new TreeMap<>(JSON.convertValue(body.path("EncryptionContext"), java.util.Map.class)).toString()
                    .getBytes(StandardCharsets.UTF_8);
            if ("TrentService.Encrypt".equals(target)) {
                answer.put("CiphertextBlob", Base64.getEncoder().encodeToString(
                        standInKey.encrypt(Base64.getDecoder().decode(body.path("Plaintext").asText()), context)));
            } else if ("TrentService.Decrypt".equals(target)) {
                answer.put("Plaintext", Base64.getEncoder().encodeToString(
                        standInKey.decrypt(Base64.getDecoder().decode(body.path("CiphertextBlob").asText()), context)));
            } else {
                throw new GeneralSecurityException("not an operation of this stand-in: " + target);
            }
            answer.put("KeyId", ARN);
        } catch (GeneralSecurityException e) {
            status = 400;
            answer.put("__type", "InvalidCiphertextException");
            answer.put("message", e.getMessage());
        }
        byte[] out = JSON.writeValueAsBytes(answer);
        exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
        exchange.sendResponseHeaders(status, out.length);
        exchange.getResponseBody().write(out);
        exchange.close();
    }

    private static Aead root() {
        return RootKeys.kms(ARN, URI.create("http://127.0.0.1:" + kms.getAddress().getPort()));
    }

    @Test
    void keysetsWrappedThroughKmsOpenOnlyUnderTheirOwnContext() throws Exception {
        Aead root = root();
        byte[] wrapped = root.encrypt("keyset".getBytes(StandardCharsets.UTF_8), "undersign/acme/keyset/kek".getBytes(StandardCharsets.UTF_8));
        assertThat(new String(root.decrypt(wrapped, "undersign/acme/keyset/kek".getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8))
                .isEqualTo("keyset");
        assertThat(calls).contains("TrentService.Encrypt", "TrentService.Decrypt");
        assertThatThrownBy(() -> root.decrypt(wrapped, "undersign/other/keyset/kek".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(GeneralSecurityException.class).hasMessageContaining("KMS did not decrypt");
    }

    @Test
    void aKeyArnThatIsNotOneIsRefused() {
        assertThatThrownBy(() -> RootKeys.kms("alias/undersign-acme-root", null)).isInstanceOf(IllegalArgumentException.class);
    }
}

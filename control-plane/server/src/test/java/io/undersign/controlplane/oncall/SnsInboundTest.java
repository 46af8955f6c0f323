package io.undersign.controlplane.oncall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.undersign.controlplane.api.DomainException;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.messagemanager.sns.SnsMessageManager;
import software.amazon.awssdk.regions.Region;

/**
 * SNS messages as SNS signs them (SignatureVersion 2, SHA256withRSA over the canonical fields), the
 * signing certificate served as SNS serves it, through the SDK's message manager: a signed message is
 * taken, a forged, altered, unsigned or foreign one refused, and nothing of it reaches the caller.
 */
class SnsInboundTest {
    private static final String TOPIC = "arn:aws:sns:eu-west-2:123456789012:undersign-oncall-inbound";
    private static final String CERT_URL = "https://sns.eu-west-2.amazonaws.com/SimpleNotificationService-0000000000000000000000.pem";
    private static final ObjectMapper JSON = new ObjectMapper();

    private KeyPair key;
    private String certPem;
    private final List<String> fetched = new ArrayList<>();
    private final List<String> confirmed = new ArrayList<>();
    private SnsInbound inbound;

    @BeforeEach
    void setUp() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        key = g.generateKeyPair();
        var cert = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(new X500Name("CN=sns.amazonaws.com"),
                BigInteger.ONE, new Date(System.currentTimeMillis() - 60_000), new Date(System.currentTimeMillis() + 86_400_000L),
                new X500Name("CN=sns.amazonaws.com"), key.getPublic()).build(new JcaContentSignerBuilder("SHA256withRSA").build(key.getPrivate())));
        StringWriter pem = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(pem)) {
            w.writeObject(cert);
        }
        certPem = pem.toString();
        SnsMessageManager verifier = SnsMessageManager.builder().httpClient(new CertificateHost()).region(Region.EU_WEST_2).build();
        inbound = new SnsInbound(verifier, TOPIC, (arn, token) -> confirmed.add(arn + " " + token));
    }

    @Test
    void aSignedNotificationGivesItsMessageAndASignedConfirmationIsConfirmedThroughTheApi() throws Exception {
        String pinpoint = "{\"originationNumber\":\"+447911123111\",\"messageBody\":\"ACK 4F7K2Q\"}";
        SnsInbound.Outcome outcome = inbound.accept(signed(notification(pinpoint)));
        assertThat(outcome).isEqualTo(new SnsInbound.Notification("22b80b92-fdea-4c2c-8f9d-bdfb0c7bf324", pinpoint));
        assertThat(fetched).containsExactly(CERT_URL);

        ObjectNode confirmation = base("SubscriptionConfirmation", "You have chosen to subscribe to the topic " + TOPIC + ".");
        confirmation.put("Token", "2336412f37fb687f5d51e6e241d09c805a5a57b30d712f794cc5f6a988666d92768dd60a747ba6f3beb71854e285d6ad02428b09ceece29417f1f02d609c582afbacc99c583a916b9981dd2728f4ae6fdb82efd087cc3b7849e05798d2d2785c03b0879594eeac82c01f235d0e717736");
        confirmation.put("SubscribeURL", "https://sns.eu-west-2.amazonaws.com/?Action=ConfirmSubscription&TopicArn=" + TOPIC + "&Token=2336412f37");
        assertThat(inbound.accept(signed(confirmation))).isEqualTo(new SnsInbound.Confirmed(TOPIC));
        assertThat(confirmed).hasSize(1).allSatisfy(c -> assertThat(c).startsWith(TOPIC + " 2336412f"));
    }

    @Test
    void forgedAlteredUnsignedAndForeignMessagesAreRefused() throws Exception {
        String good = signed(notification("{\"messageBody\":\"hello\"}"));
        String altered = good.replace("hello", "ACK 4F7K2Q");
        refused(altered, "Signature");

        ObjectNode unsigned = notification("{\"messageBody\":\"ACK 4F7K2Q\"}");
        refused(unsigned.toString(), "Signature");

        // signed by someone else's key, with a certificate URL off SNS's hosts
        ObjectNode elsewhere = notification("{\"messageBody\":\"ACK 4F7K2Q\"}");
        elsewhere.put("SigningCertURL", "https://attacker.example/SimpleNotificationService-1.pem");
        refused(signed(elsewhere), "Signature");
        assertThat(fetched).doesNotContain("https://attacker.example/SimpleNotificationService-1.pem");

        // properly signed, but from a topic other than the inbound one
        ObjectNode foreign = notification("{\"messageBody\":\"ACK 4F7K2Q\"}");
        foreign.put("TopicArn", "arn:aws:sns:eu-west-2:999999999999:someone-else");
        refused(signed(foreign), "TopicArn");

        refused("not json", "Signature");
        refused("", "Signature");
        assertThat(confirmed).isEmpty();
    }

    private void refused(String body, String field) {
        assertThatThrownBy(() -> inbound.accept(body)).isInstanceOf(DomainException.class)
                .satisfies(e -> assertThat(((DomainException) e).field()).isEqualTo(field));
    }

    private ObjectNode notification(String message) {
        ObjectNode n = base("Notification", message);
        n.put("UnsubscribeURL", "https://sns.eu-west-2.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=" + TOPIC + ":c9135db0");
        return n;
    }

    private ObjectNode base(String type, String message) {
        ObjectNode n = JSON.createObjectNode();
        n.put("Type", type);
        n.put("MessageId", "22b80b92-fdea-4c2c-8f9d-bdfb0c7bf324");
        n.put("TopicArn", TOPIC);
        n.put("Message", message);
        n.put("Timestamp", "2026-12-03T12:00:00.000Z");
        n.put("SignatureVersion", "2");
        n.put("SigningCertURL", CERT_URL);
        return n;
    }

    /** Signs as SNS does: the documented fields of the type, "Name\nvalue\n" each, in that order. */
    private String signed(ObjectNode message) throws Exception {
        List<String> fields = "Notification".equals(message.path("Type").asText())
                ? List.of("Message", "MessageId", "Subject", "Timestamp", "TopicArn", "Type")
                : List.of("Message", "MessageId", "SubscribeURL", "Timestamp", "Token", "TopicArn", "Type");
        StringBuilder canonical = new StringBuilder();
        for (String f : fields) {
            if (message.hasNonNull(f)) {
                canonical.append(f).append('\n').append(message.get(f).asText()).append('\n');
            }
        }
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initSign(key.getPrivate());
        s.update(canonical.toString().getBytes(StandardCharsets.UTF_8));
        message.put("Signature", Base64.getEncoder().encodeToString(s.sign()));
        return message.toString();
    }

    /** Stands in for SNS's certificate host: answers the certificate for SNS's URL, 404 for anything else. */
    private final class CertificateHost implements SdkHttpClient {
        @Override
        public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
            URI uri = request.httpRequest().getUri();
            fetched.add(uri.toString());
            boolean ours = uri.toString().equals(CERT_URL);
            byte[] body = ours ? certPem.getBytes(StandardCharsets.UTF_8) : new byte[0];
            return new ExecutableHttpRequest() {
                @Override
                public HttpExecuteResponse call() {
                    return HttpExecuteResponse.builder().response(SdkHttpResponse.builder().statusCode(ours ? 200 : 404).build())
                            .responseBody(AbortableInputStream.create(new ByteArrayInputStream(body))).build();
                }

                @Override
                public void abort() {
                }
            };
        }

        @Override
        public void close() {
        }

        @Override
        public String clientName() {
            return "sns-certificate-host";
        }
    }
}

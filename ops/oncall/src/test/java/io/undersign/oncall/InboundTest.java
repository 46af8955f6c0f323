package io.undersign.oncall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Phone numbers, Pinpoint two-way SMS events, replies and Alertmanager payloads as they arrive. */
class InboundTest {
    /** The example of the AWS End User Messaging SMS user guide ("Two-way SMS messaging"). */
    static final String PINPOINT_EXAMPLE = """
            {
              "originationNumber":"+14255550182",
              "destinationNumber":"+12125550101",
              "messageKeyword":"JOIN",
              "messageBody":"EXAMPLE",
              "inboundMessageId":"cae173d2-66b9-564c-8309-21f858e9fb84",
              "previousPublishedMessageId":"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
            }""";

    @Test
    void phoneNumbersBecomeE164() {
        assertThat(PhoneNumbers.e164("+44 7911 123456", "phone")).isEqualTo("+447911123456");
        assertThat(PhoneNumbers.e164("+1 (201) 555-0123", "phone")).isEqualTo("+12015550123");
        assertThat(PhoneNumbers.same("+44 7911 123456", "+447911123456")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"07911 123456", "+44 12", "+999 1234567", "call me", "+44 7911 123456 ext 5;rm -rf", "", "+1 555 0123"})
    void badPhoneNumbersAreRefusedNamingTheField(String raw) {
        assertThatThrownBy(() -> PhoneNumbers.e164(raw, "phone")).isInstanceOf(OncallException.class)
                .satisfies(e -> assertThat(((OncallException) e).field()).isEqualTo("phone"));
    }

    @Test
    void thePinpointEventGivesItsMessageBody() {
        InboundSms sms = InboundSms.parse(PINPOINT_EXAMPLE);
        assertThat(sms.messageBody()).isEqualTo("EXAMPLE");
        assertThat(sms.originationNumber()).isEqualTo("+14255550182");
        assertThat(sms.inboundMessageId()).isEqualTo("cae173d2-66b9-564c-8309-21f858e9fb84");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not json", "[]", "{}", "{\"originationNumber\":\"+14255550182\",\"destinationNumber\":\"+12125550101\",\"inboundMessageId\":\"x\"}",
            "{\"originationNumber\":\"+14255550182\",\"destinationNumber\":\"+12125550101\",\"messageBody\":5,\"inboundMessageId\":\"x\"}",
            "{\"originationNumber\":\"nobody\",\"destinationNumber\":\"+12125550101\",\"messageBody\":\"hi\",\"inboundMessageId\":\"x\"}",
            "{\"originationNumber\":\"+14255550182\",\"destinationNumber\":\"+12125550101\",\"messageBody\":\"hi\",\"inboundMessageId\":\"\"}"})
    void aMalformedEventIsRefusedWithAReason(String json) {
        assertThatThrownBy(() -> InboundSms.parse(json)).isInstanceOf(OncallException.class).hasMessageNotContaining("Exception");
    }

    @Test
    void aReplyAcknowledgesOnlyWhenItSaysAckAndACode() {
        assertThat(SmsReply.ackCode("ACK 4F7K2Q")).contains("4F7K2Q");
        assertThat(SmsReply.ackCode("  ack 4f7k2q. ")).contains("4F7K2Q");
        assertThat(SmsReply.ackCode("ACK")).isEmpty();
        assertThat(SmsReply.ackCode("I'll ACK 4F7K2Q later")).isEmpty();
        assertThat(SmsReply.ackCode("ACK 4F7K2Q; ACK 999999")).isEmpty();
    }

    /** Shaped like the example of Alertmanager's configuration docs (webhook_config, version 4). */
    @Test
    void alertmanagerAlertsBecomeIncidentsByFingerprint() {
        String payload = """
                {"version":"4","groupKey":"{}:{alertname=\\"DeadLetters\\"}","truncatedAlerts":0,"status":"firing","receiver":"undersign",
                 "groupLabels":{"alertname":"DeadLetters"},"commonLabels":{"alertname":"DeadLetters"},"commonAnnotations":{},
                 "externalURL":"http://alertmanager:9093",
                 "alerts":[
                  {"status":"firing","labels":{"alertname":"DeadLetters","severity":"critical","tenant":"acme"},
                   "annotations":{"summary":"acme's dead-letter queue is growing"},"startsAt":"2026-12-03T10:00:00Z","endsAt":"0001-01-01T00:00:00Z",
                   "generatorURL":"http://prometheus/graph","fingerprint":"a1b2c3d4e5f60718"},
                  {"status":"resolved","labels":{"alertname":"SlowEvidence","severity":"warning"},"annotations":{},
                   "startsAt":"2026-12-03T09:00:00Z","endsAt":"2026-12-03T10:00:00Z","generatorURL":"","fingerprint":"ffee"}]}""";
        List<AlertmanagerWebhook.Alert> alerts = AlertmanagerWebhook.parse(payload);
        assertThat(alerts).containsExactly(
                new AlertmanagerWebhook.Alert("alertmanager:a1b2c3d4e5f60718", true, Priority.P1, "acme's dead-letter queue is growing"),
                new AlertmanagerWebhook.Alert("alertmanager:ffee", false, Priority.P2, "SlowEvidence"));
        assertThatThrownBy(() -> AlertmanagerWebhook.parse("{\"version\":\"3\",\"alerts\":[]}")).hasMessageContaining("version 4");
        assertThatThrownBy(() -> AlertmanagerWebhook.parse("{\"alerts\":[{\"status\":\"odd\",\"fingerprint\":\"x\"}]}"))
                .satisfies(e -> assertThat(((OncallException) e).field()).isEqualTo("alerts[0].status"));
    }
}

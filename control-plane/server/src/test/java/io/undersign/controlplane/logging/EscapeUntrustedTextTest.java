package io.undersign.controlplane.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.logging.Level;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

class EscapeUntrustedTextTest {

    @Test
    void controlCharactersLineBreaksAndBidiOverridesAreWrittenAsEscapes() {
        assertThat(EscapeUntrustedText.escape("Acme\u0000\r\n2026-12-02 INFO forged\u001b[31m\u202eefiL")).isEqualTo(
                "Acme\\u0000\\u000d\\u000a2026-12-02 INFO forged\\u001b[31m\\u202eefiL");
        assertThat(EscapeUntrustedText.escape("Société Générale Vie — 生命")).isEqualTo("Société Générale Vie — 生命");
    }

    @Test
    void aRecordsFormattedMessageIsEscapedWithItsParameters() {
        ExtLogRecord record = new ExtLogRecord(Level.INFO, "Tenant %s created", ExtLogRecord.FormatStyle.PRINTF, "x");
        record.setParameters(new Object[] {"evil\nINFO [admin] token=..."});
        assertThat(new EscapeUntrustedText().isLoggable(record)).isTrue();
        assertThat(record.getFormattedMessage()).isEqualTo("Tenant evil\\u000aINFO [admin] token=... created").doesNotContain("\n");
    }
}

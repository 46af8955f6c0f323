package io.undersign.controlplane.pki;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509CRLHolder;
import org.junit.jupiter.api.Test;

class RevocationListsTest {

    @Test
    void namesEveryRevokedCertificateAndIsSignedByTheTenantsCa() throws Exception {
        Certificates.Issued ca = Certificates.ca("Undersign acme client CA", Duration.ofDays(3650));
        Certificates.Issued revoked = Certificates.client(ca, "old-integrator", Duration.ofDays(365));
        Certificates.Issued kept = Certificates.client(ca, "integrator", Duration.ofDays(365));
        Instant at = Instant.parse("2026-11-29T10:15:30Z");

        String pem = RevocationLists.of(ca, Map.of(revoked.serial(), at), Instant.now(), 7);

        assertThat(pem).startsWith("-----BEGIN X509 CRL-----");
        X509CRL crl = (X509CRL) CertificateFactory.getInstance("X.509")
                .generateCRL(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        crl.verify(ca.certificate().getPublicKey()); // throws unless the CA signed it
        assertThat(crl.getIssuerX500Principal()).isEqualTo(ca.certificate().getSubjectX500Principal());
        assertThat(crl.isRevoked(revoked.certificate())).isTrue();
        assertThat(crl.isRevoked(kept.certificate())).isFalse();
        assertThat(crl.getRevokedCertificate(new BigInteger(revoked.serial(), 16)).getRevocationDate().toInstant()).isEqualTo(at);
        assertThat(crl.getNextUpdate().toInstant()).isEqualTo(ca.certificate().getNotAfter().toInstant().truncatedTo(ChronoUnit.SECONDS));
        CRLNumber number = CRLNumber.getInstance(new X509CRLHolder(crl.getEncoded()).getExtension(Extension.cRLNumber).getParsedValue());
        assertThat(number.getCRLNumber()).isEqualTo(BigInteger.valueOf(7));
    }
}

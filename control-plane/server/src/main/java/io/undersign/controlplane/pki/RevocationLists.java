package io.undersign.controlplane.pki;

import java.math.BigInteger;
import java.security.cert.X509CRL;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v2CRLBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Certificate revocation lists of a tenant's client CA, for front doors that check client
 * certificates themselves (the AWS load balancer's trust store). Each list is complete: the
 * newest replaces every earlier one, so publishing again converges.
 */
public final class RevocationLists {

    private RevocationLists() {
    }

    /**
     * A CRL signed by {@code ca} naming every revoked serial (hex, as the registry keeps them) with
     * when it was revoked. It stays valid until the CA itself expires: revocations are pushed to
     * the load balancer, never fetched, so there is no refresh interval to honour.
     */
    public static String of(Certificates.Issued ca, Map<String, Instant> revokedSerials, Instant now, long number) {
        try {
            X509v2CRLBuilder builder = new JcaX509v2CRLBuilder(ca.certificate().getSubjectX500Principal(), Date.from(now))
                    .setNextUpdate(ca.certificate().getNotAfter())
                    .addExtension(Extension.cRLNumber, false, new CRLNumber(BigInteger.valueOf(number)))
                    .addExtension(Extension.authorityKeyIdentifier, false,
                            new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(ca.certificate()));
            revokedSerials.forEach((serial, at) ->
                    builder.addCRLEntry(new BigInteger(serial, 16), Date.from(at), CRLReason.unspecified));
            X509CRL crl = new JcaX509CRLConverter().getCRL(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(ca.key())));
            return Certificates.pem(crl);
        } catch (Exception e) {
            throw new IllegalStateException("cannot sign the revocation list", e);
        }
    }
}

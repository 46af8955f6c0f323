package io.undersign.controlplane.edge;

import io.undersign.controlplane.pki.Certificates;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.X509TrustManager;

/**
 * Accepts a client certificate only when one of the tenants' own client CAs signed it and it is
 * current; which tenant's CA, and revocation, are checked per request against the host asked for.
 * Its certificate request names no CA: the list would tell anyone who connects every tenant's
 * CA (Java 17 offers no way to send one list per SNI name through one context), and clients
 * send their certificate without it.
 */
class TenantClientTrust implements X509TrustManager {
    private static final X509Certificate[] NONE = new X509Certificate[0];
    private final EdgeCertificates certificates;

    TenantClientTrust(EdgeCertificates certificates) {
        this.certificates = certificates;
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("a client certificate is required");
        }
        X509Certificate leaf = chain[0];
        String tenant = certificates.current().tenantByCaSubject().get(leaf.getIssuerX500Principal());
        if (tenant == null) {
            throw new CertificateException("client certificate not issued by any tenant's CA");
        }
        Certificates.Issued ca = certificates.current().clientCas().get(tenant);
        try {
            leaf.verify(ca.certificate().getPublicKey());
            leaf.checkValidity();
        } catch (GeneralSecurityException e) {
            throw new CertificateException("client certificate not valid: " + e.getMessage(), e);
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("not a client trust manager");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return NONE;
    }
}

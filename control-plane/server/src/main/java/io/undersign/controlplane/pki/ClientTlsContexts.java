package io.undersign.controlplane.pki;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** TLS client contexts that present a client certificate (for calling a mutual-TLS front door). */
public final class ClientTlsContexts {
    private static final char[] IN_MEMORY = "in-memory".toCharArray();

    private ClientTlsContexts() {
    }

    /**
     * Presents {@code client} (its key never leaves memory); trusts the JDK's default CAs, or only
     * {@code trusted} when given (a stand-in server in tests).
     */
    public static SSLContext presenting(Certificates.Issued client, X509Certificate... trusted) {
        try {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(null, null);
            keys.setKeyEntry("client", client.key(), IN_MEMORY, new Certificate[] {client.certificate()});
            KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(keys, IN_MEMORY);
            TrustManagerFactory trustManagers = null;
            if (trusted.length > 0) {
                KeyStore trust = KeyStore.getInstance("PKCS12");
                trust.load(null, null);
                for (int i = 0; i < trusted.length; i++) {
                    trust.setCertificateEntry("trusted-" + i, trusted[i]);
                }
                trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                trustManagers.init(trust);
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers.getKeyManagers(), trustManagers == null ? null : trustManagers.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot make a TLS client context", e);
        }
    }
}

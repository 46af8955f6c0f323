package io.undersign.controlplane.edge;

import io.undersign.controlplane.pki.Certificates;
import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Locale;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.X509ExtendedKeyManager;

/** Picks the tenant's server certificate by the host name the client asked for (SNI). */
class SniKeyManager extends X509ExtendedKeyManager {
    private final RouteTable routes;
    private final EdgeCertificates certificates;

    SniKeyManager(RouteTable routes, EdgeCertificates certificates) {
        this.routes = routes;
        this.certificates = certificates;
    }

    @Override
    public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
        if (!"RSA".equals(keyType)) {
            return null;
        }
        SSLSession session = engine.getHandshakeSession();
        if (!(session instanceof ExtendedSSLSession extended)) {
            return null;
        }
        for (SNIServerName name : extended.getRequestedServerNames()) {
            if (name instanceof SNIHostName host) {
                String tenant = routes.lookup(host.getAsciiName().toLowerCase(Locale.ROOT)).map(RouteTable.Route::tenantId).orElse(null);
                if (tenant != null && certificates.current().servers().containsKey(tenant)) {
                    return tenant;
                }
            }
        }
        return null;
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        Certificates.Issued issued = certificates.current().servers().get(alias);
        return issued == null ? null : new X509Certificate[] {issued.certificate(), certificates.platformCa().certificate()};
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        Certificates.Issued issued = certificates.current().servers().get(alias);
        return issued == null ? null : issued.key();
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        return null;
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        return certificates.current().servers().keySet().toArray(String[]::new);
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return null;
    }

    @Override
    public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
        return null;
    }
}

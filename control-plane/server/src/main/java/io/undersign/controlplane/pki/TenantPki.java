package io.undersign.controlplane.pki;

import io.undersign.controlplane.secret.SecretStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The certificates of the local edge, kept (sealed) in the secret store: the platform's edge CA
 * that signs each tenant's server certificate (the local stand-in for ACM), and each tenant's
 * own client CA, from which its integrators' certificates are issued. Made once, then reused.
 */
@ApplicationScoped
public class TenantPki {
    static final String PLATFORM_CA = "platform/edge-ca";
    private static final Duration CA_VALIDITY = Duration.ofDays(3650);
    private static final Duration SERVER_VALIDITY = Duration.ofDays(397);

    @Inject
    SecretStore secrets;

    private final Map<String, Certificates.Issued> cache = new ConcurrentHashMap<>();

    public Certificates.Issued platformCa() {
        return getOrCreate(PLATFORM_CA, () -> Certificates.ca("Undersign local edge CA", CA_VALIDITY));
    }

    /** The tenant's client CA: integrators' certificates are issued from it and checked against it. */
    public Certificates.Issued clientCa(String tenantId) {
        return getOrCreate(clientCaName(tenantId), () -> Certificates.ca("Undersign " + tenantId + " client CA", CA_VALIDITY));
    }

    /**
     * A short-lived certificate from the tenant's CA for the platform's own checks of its API
     * (the verify step): never stored, not an integrator's, expired soon after the check.
     */
    public Certificates.Issued probeCertificate(String tenantId, Duration validity) {
        return Certificates.client(clientCa(tenantId), "undersign-verify", validity);
    }

    public Optional<Certificates.Issued> existingClientCa(String tenantId) {
        return load(clientCaName(tenantId));
    }

    /** The edge's certificate for the tenant's two host names. */
    public Certificates.Issued serverCertificate(String tenantId, List<String> hosts) {
        return getOrCreate(serverName(tenantId), () -> Certificates.server(platformCa(), hosts, SERVER_VALIDITY));
    }

    public Optional<Certificates.Issued> existingServerCertificate(String tenantId) {
        return load(serverName(tenantId));
    }

    public void forget(String tenantId) {
        for (String name : List.of(clientCaName(tenantId), serverName(tenantId))) {
            secrets.delete(name + "/key");
            secrets.delete(name + "/certificate");
            cache.remove(name);
        }
    }

    private Certificates.Issued getOrCreate(String name, java.util.function.Supplier<Certificates.Issued> maker) {
        Certificates.Issued cached = cache.get(name);
        if (cached != null) {
            return cached;
        }
        // store the key before its certificate: a crash in between makes a fresh pair next time
        Certificates.Issued[] made = new Certificates.Issued[1];
        String key = secrets.getOrCreate(name + "/key", () -> {
            made[0] = maker.get();
            return made[0].keyPem();
        });
        String certificate = secrets.getOrCreate(name + "/certificate", () -> {
            if (made[0] == null) {
                throw new IllegalStateException(name + " has a key but no certificate; delete the key to make a new pair");
            }
            return made[0].certificatePem();
        });
        Certificates.Issued issued = Certificates.read(key, certificate);
        cache.put(name, issued);
        return issued;
    }

    private Optional<Certificates.Issued> load(String name) {
        Certificates.Issued cached = cache.get(name);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<String> key = secrets.get(name + "/key");
        Optional<String> certificate = secrets.get(name + "/certificate");
        if (key.isEmpty() || certificate.isEmpty()) {
            return Optional.empty();
        }
        Certificates.Issued issued = Certificates.read(key.get(), certificate.get());
        cache.put(name, issued);
        return Optional.of(issued);
    }

    private static String clientCaName(String tenantId) {
        return "tenant/" + tenantId + "/client-ca";
    }

    private static String serverName(String tenantId) {
        return "tenant/" + tenantId + "/edge-certificate";
    }
}

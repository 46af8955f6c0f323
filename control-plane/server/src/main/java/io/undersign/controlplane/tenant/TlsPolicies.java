package io.undersign.controlplane.tenant;

import java.util.List;
import java.util.Map;

/**
 * TLS security policies a tenant's public endpoints may use, named as AWS ELB names them, with
 * the protocols and cipher suites (JSSE names) each allows. The default mirrors
 * ELBSecurityPolicy-TLS13-1-2-Res-2021-06: TLS 1.3, and TLS 1.2 with ECDHE and AES-GCM only (no CBC,
 * no ChaCha20 on TLS 1.2: the AWS policy lists neither).
 */
public final class TlsPolicies {
    public static final String DEFAULT = "ELBSecurityPolicy-TLS13-1-2-Res-2021-06";
    public static final String TLS13_ONLY = "ELBSecurityPolicy-TLS13-1-3-2021-06";

    private static final List<String> TLS13_SUITES = List.of("TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384",
            "TLS_CHACHA20_POLY1305_SHA256");
    private static final List<String> TLS12_RESTRICTED = List.of("TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384");

    /** What a policy allows. */
    public record Policy(String name, List<String> protocols, List<String> cipherSuites) {
    }

    private static final Map<String, Policy> POLICIES = Map.of(
            DEFAULT, new Policy(DEFAULT, List.of("TLSv1.3", "TLSv1.2"), concat(TLS13_SUITES, TLS12_RESTRICTED)),
            TLS13_ONLY, new Policy(TLS13_ONLY, List.of("TLSv1.3"), TLS13_SUITES));

    public static final List<String> KNOWN = List.of(DEFAULT, TLS13_ONLY);

    private TlsPolicies() {
    }

    public static Policy of(String name) {
        Policy policy = POLICIES.get(name);
        if (policy == null) {
            throw new IllegalArgumentException("unknown TLS policy " + name);
        }
        return policy;
    }

    /** What the shared edge listener offers: the widest known policy; stricter ones are enforced per tenant. */
    public static Policy widest() {
        return POLICIES.get(DEFAULT);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}

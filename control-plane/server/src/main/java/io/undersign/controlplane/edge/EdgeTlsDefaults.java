package io.undersign.controlplane.edge;

import java.util.Map;

/**
 * What JSSE offers and accepts beyond cipher suites, which Java 17 sets only JVM-wide: the key
 * exchange groups of the ELB policies (X25519, P-256, P-384; no finite-field groups, no x448 or
 * P-521) and no client-initiated renegotiation. Set before any TLS class loads ({@link Main}
 * for the control plane, the build's test JVMs for tests); the edge refuses to start without them.
 */
public final class EdgeTlsDefaults {
    static final Map<String, String> PROPERTIES = Map.of(
            "jdk.tls.namedGroups", "x25519,secp256r1,secp384r1",
            "jdk.tls.rejectClientInitiatedRenegotiation", "true");

    private EdgeTlsDefaults() {
    }

    /** Sets each property this JVM's command line did not. */
    public static void apply() {
        PROPERTIES.forEach((key, value) -> {
            if (System.getProperty(key) == null) {
                System.setProperty(key, value);
            }
        });
    }

    /** Fails the edge's start when a property is absent or different: it would offer more than the policy. */
    static void require() {
        PROPERTIES.forEach((key, value) -> {
            if (!value.equals(System.getProperty(key))) {
                throw new IllegalStateException("the edge's TLS needs -D" + key + "=" + value + " (found " + System.getProperty(key)
                        + "); start the control plane through its main class");
            }
        });
    }
}

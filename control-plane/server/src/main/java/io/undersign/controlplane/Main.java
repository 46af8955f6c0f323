package io.undersign.controlplane;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import io.undersign.controlplane.edge.EdgeTlsDefaults;

/** The control plane's entry point: TLS defaults first, since the JVM reads them once. */
@QuarkusMain
public final class Main {
    private Main() {
    }

    public static void main(String... args) {
        EdgeTlsDefaults.apply();
        Quarkus.run(args);
    }
}

package io.undersign.privacy;

import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.signature.SignatureConfig;
import java.security.GeneralSecurityException;

/** Tink's key managers, registered once per process before any keyset is made or read. */
final class TinkSetup {
    static {
        try {
            AeadConfig.register();
            SignatureConfig.register();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private TinkSetup() {
    }

    static void ready() {
        // loading the class ran the registration
    }
}

package io.undersign.privacy;

/** A key that should open something cannot: the root key is not the tenant's, or a keyset was changed. Never a silent pass. */
public class KeyUnavailableException extends RuntimeException {
    public KeyUnavailableException(String message) {
        super(message);
    }
}

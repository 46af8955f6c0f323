package io.undersign.controlplane.secret;

import io.undersign.controlplane.config.UndersignConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/** The AES-256 key that seals secrets; lives in a 0600 file outside the database. */
@ApplicationScoped
public class MasterKey {

    @Inject
    UndersignConfig config;

    private volatile SecretKey key;

    public SecretKey get() {
        if (key == null) {
            synchronized (this) {
                if (key == null) {
                    key = new SecretKeySpec(loadOrCreate(config.secrets().masterKeyFile()), "AES");
                }
            }
        }
        return key;
    }

    private static byte[] loadOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                byte[] fresh = new byte[32];
                new SecureRandom().nextBytes(fresh);
                try {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                    Files.writeString(file, Base64.getEncoder().encodeToString(fresh));
                } catch (FileAlreadyExistsException raced) {
                    // another control-plane process made it first: use theirs
                }
            }
            byte[] bytes = Base64.getDecoder().decode(Files.readString(file).trim());
            if (bytes.length != 32) {
                throw new IllegalStateException("master key in " + file + " is not 256 bits");
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create master key " + file, e);
        }
    }
}

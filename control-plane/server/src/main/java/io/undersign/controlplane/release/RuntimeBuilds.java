package io.undersign.controlplane.release;

import io.undersign.controlplane.config.UndersignConfig;
import io.undersign.controlplane.driver.TenantSpec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * What a tenant's runtime is started from: its release's kept build (hash checked) and rulebook
 * (written beside the runtime's log, delivered by path in its environment), or, for a tenant on no
 * release yet, the control plane's default build with the rulebook inside it.
 */
@ApplicationScoped
public class RuntimeBuilds {

    /**
     * {@code rulebookFile}: null for the build's own rulebook; {@code release}, {@code buildId},
     * {@code runtimeSha256}: null without a release.
     */
    public record RuntimeBuild(Path jar, String runtimeSha256, Path rulebookFile, String release, String buildId, String rulebookId,
            String rulebookVersion) {
    }

    @Inject
    UndersignConfig config;

    @Inject
    ReleaseService releases;

    @Inject
    RulebookStore rulebooks;

    @Inject
    RuntimeArtifacts artifacts;

    @Transactional
    public RuntimeBuild of(TenantSpec tenant) {
        if (tenant.release() == null) {
            return new RuntimeBuild(config.runtime().jar().toAbsolutePath(), null, null, null, null, null, null);
        }
        PlatformRelease release = releases.require(tenant.release());
        Path jar = artifacts.verified(release.runtimeSha256);
        RulebookRecord rulebook = rulebooks.require(release.rulebookId, release.rulebookVersion);
        Path file = config.dataDir().resolve("runtimes").resolve(tenant.id()).resolve("rulebooks")
                .resolve(release.rulebookId + "-" + release.rulebookVersion + ".yaml").toAbsolutePath();
        write(file, rulebook.source);
        return new RuntimeBuild(jar, release.runtimeSha256, file, release.id, release.buildId, release.rulebookId, release.rulebookVersion);
    }

    /** Whole or not at all: a runtime starting while this runs never reads half a rulebook. */
    private static void write(Path file, String source) {
        try {
            Files.createDirectories(file.getParent());
            Path part = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".part");
            Files.writeString(part, source);
            Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}

package io.undersign.runtime;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The version and build id the build wrote into this runtime (META-INF/undersign/build.properties):
 * what a rollout's gate asks of a new runtime to know that the new build, not the old one, answers.
 */
@ApplicationScoped
public class BuildStamp {
    static final String RESOURCE = "META-INF/undersign/build.properties";

    private final String version;
    private final String buildId;

    BuildStamp() {
        Properties stamp = new Properties();
        try (InputStream in = BuildStamp.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("no " + RESOURCE + " in this runtime: it was not built by its Maven build");
            }
            stamp.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.version = stamp.getProperty("version");
        this.buildId = stamp.getProperty("build-id");
    }

    public String version() {
        return version;
    }

    public String buildId() {
        return buildId;
    }
}

package io.undersign.runtime.cases;

import io.quarkus.runtime.Startup;
import io.undersign.engine.Rulebook;
import io.undersign.engine.Rulebooks;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The rulebook version this runtime decides with, loaded (and fully validated) once at start. */
@Startup
@ApplicationScoped
public class RulebookHolder {
    private static final String CLASSPATH = "classpath:";

    private final Rulebook rulebook;

    RulebookHolder(@ConfigProperty(name = "undersign.rulebook.location", defaultValue = "classpath:rulebooks/term-life-uk.yaml") String location) {
        this.rulebook = location.startsWith(CLASSPATH) ? Rulebooks.parse(resource(location.substring(CLASSPATH.length())))
                : Rulebooks.load(Path.of(location));
    }

    public Rulebook rulebook() {
        return rulebook;
    }

    private static String resource(String name) {
        try (InputStream in = RulebookHolder.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("no rulebook " + name + " on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

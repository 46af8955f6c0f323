package io.undersign.controlplane.schema;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.resource.LoadableResource;
import org.flywaydb.core.internal.resource.classpath.ClassPathResource;

/**
 * Hands Flyway the migrations named in {@code <location>/migrations.list} instead of letting it
 * scan the class path, which Quarkus' packaged class loader does not support for plain Flyway.
 * The migrations module's test keeps the list equal to the folder.
 */
public final class ListedMigrations implements ResourceProvider {
    private final String location;
    private final ClassLoader classLoader;
    private final List<String> files;
    private final List<SchemaStep> steps;

    public ListedMigrations(String location, ClassLoader classLoader) {
        this.location = location;
        this.classLoader = classLoader;
        this.steps = read(location, classLoader).stream().map(SchemaStep::parse).toList();
        this.files = steps.stream().map(SchemaStep::file).toList();
    }

    /** The listed steps, in order, with their expand or contract tags. */
    public List<SchemaStep> steps() {
        return steps;
    }

    /** The listed file names, in order. */
    public List<String> files() {
        return files;
    }

    @Override
    public LoadableResource getResource(String name) {
        String path = name.startsWith(location + "/") ? name : location + "/" + name;
        return classLoader.getResource(path) == null ? null : resource(path);
    }

    @Override
    public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
        List<LoadableResource> found = new ArrayList<>();
        for (String file : files) {
            if (file.startsWith(prefix) && endsWithAny(file, suffixes)) {
                found.add(resource(location + "/" + file));
            }
        }
        return found;
    }

    private LoadableResource resource(String path) {
        return new ClassPathResource(new Location("classpath:" + location), path, classLoader, StandardCharsets.UTF_8);
    }

    private static boolean endsWithAny(String file, String[] suffixes) {
        for (String suffix : suffixes) {
            if (file.endsWith(suffix)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> read(String location, ClassLoader classLoader) {
        String index = location + "/migrations.list";
        try (InputStream in = classLoader.getResourceAsStream(index)) {
            if (in == null) {
                throw new IllegalStateException("no " + index + " on the class path");
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.undersign.runtime.cases;

import io.quarkus.runtime.Startup;
import io.undersign.engine.Rulebook;
import io.undersign.engine.Rulebooks;
import io.undersign.runtime.db.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The rulebook versions this runtime decides with. The current one (the release's, delivered in
 * the runtime's configuration) decides new cases; it is recorded in the tenant's database when
 * the runtime starts, so that every case keeps being decided by the version it was made under,
 * also by later releases. A version's content never changes: a runtime given other content under
 * a recorded version refuses to start.
 */
@Startup
@ApplicationScoped
public class RulebookHolder {
    private static final String CLASSPATH = "classpath:";

    private final Rulebook current;
    private final RulebookRef currentRef;
    private final Map<RulebookRef, Rulebook> earlier = new ConcurrentHashMap<>();
    private final Jdbc jdbc;

    @Inject
    RulebookHolder(@ConfigProperty(name = "undersign.rulebook.location", defaultValue = "classpath:rulebooks/term-life-uk.yaml") String location,
            Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        String source = location.startsWith(CLASSPATH) ? resource(location.substring(CLASSPATH.length())) : Rulebooks.read(Path.of(location));
        this.current = Rulebooks.parse(source);
        this.currentRef = RulebookRef.of(current);
        record(source, clock);
    }

    /** The version new cases are made under. */
    public Rulebook rulebook() {
        return current;
    }

    public RulebookRef currentRef() {
        return currentRef;
    }

    /** The version that decides this case: the one it was made under (the current one for cases older than that record). */
    public Rulebook of(StoredCase c) {
        RulebookRef ref = c.rulebook();
        if (ref == null || ref.equals(currentRef)) {
            return current;
        }
        return earlier.computeIfAbsent(ref, this::load);
    }

    private Rulebook load(RulebookRef ref) {
        List<String> source = jdbc.query("SELECT source FROM rulebook_version WHERE rulebook_id = ? AND version = ?", r -> r.getString(1),
                ref.id(), ref.version());
        if (source.isEmpty()) {
            // fail closed: a case is never decided by a version other than its own
            throw new IllegalStateException("rulebook " + ref + " of a case is not recorded in this tenant's database");
        }
        return Rulebooks.parse(source.get(0));
    }

    private void record(String source, Clock clock) {
        String sha256 = sha256(source);
        jdbc.insertIfAbsent("INSERT INTO rulebook_version (rulebook_id, version, sha256, source, recorded_at) VALUES (?, ?, ?, ?, ?)",
                currentRef.id(), currentRef.version(), sha256, source, Timestamp.from(clock.instant()));
        String recorded = jdbc.query("SELECT sha256 FROM rulebook_version WHERE rulebook_id = ? AND version = ?", r -> r.getString(1),
                currentRef.id(), currentRef.version()).get(0);
        if (!recorded.equals(sha256)) {
            throw new IllegalStateException("rulebook " + currentRef + " is recorded in this tenant's database with other content (SHA-256 "
                    + recorded + ", given " + sha256 + "): a version never changes; give the changed rulebook a new version");
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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

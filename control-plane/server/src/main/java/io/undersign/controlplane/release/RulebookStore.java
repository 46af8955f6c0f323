package io.undersign.controlplane.release;

import io.undersign.controlplane.api.DomainException;
import io.undersign.controlplane.secret.Digests;
import io.undersign.engine.Rulebook;
import io.undersign.engine.RulebookDiff;
import io.undersign.engine.Rulebooks;
import io.undersign.engine.cases.CaseCheck;
import io.undersign.engine.cases.CaseFile;
import io.undersign.http.Problem;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Rulebook versions as the control plane keeps them. An upload is validated completely by the
 * engine (every problem with its path, 422) and its profiles, if given, are tried; a version is
 * never changed afterwards: the same content again is a no-op, other content under it a 409.
 */
@ApplicationScoped
public class RulebookStore implements PanacheRepositoryBase<RulebookRecord, RulebookRecord.Key> {

    /** How the profiles fared: {@code failed} names each that did not get its expected decision, with why. */
    public record ProfileResults(int count, int passed, List<String> failed) {
        static final ProfileResults NONE = new ProfileResults(0, 0, List.of());
    }

    public record Uploaded(RulebookRecord record, boolean created, ProfileResults profiles) {
    }

    @Inject
    Clock clock;

    @Transactional
    public Uploaded upload(String source, String profiles, String actor) {
        List<io.undersign.engine.Problem> problems = Rulebooks.validate(source);
        if (!problems.isEmpty()) {
            List<Problem.FieldError> errors = problems.stream().map(p -> new Problem.FieldError("source." + p.path(), p.message())).toList();
            throw new DomainException(DomainException.Kind.UNPROCESSABLE, "rulebook-invalid", errors.get(0).field(),
                    problems.size() + " problem(s) in the rulebook: " + problems.get(0), errors);
        }
        Rulebook rulebook = Rulebooks.parse(source);
        ProfileResults results = profiles == null ? ProfileResults.NONE : tryProfiles(rulebook, profiles);
        String id = rulebook.metadata().id();
        String version = rulebook.metadata().version();
        String sha256 = Digests.sha256Hex(source);
        Optional<RulebookRecord> existing = findByIdOptional(new RulebookRecord.Key(id, version));
        if (existing.isPresent()) {
            if (!existing.get().sha256.equals(sha256)) {
                throw new DomainException(DomainException.Kind.CONFLICT, "rulebook-version-exists", "source",
                        "rulebook " + id + " " + version + " is kept with other content (SHA-256 " + existing.get().sha256
                                + "); a version never changes: give the changed rulebook a new version");
            }
            return new Uploaded(existing.get(), false, results);
        }
        RulebookRecord record = new RulebookRecord();
        record.rulebookId = id;
        record.version = version;
        record.title = rulebook.metadata().title();
        record.products = String.join(",", rulebook.metadata().products());
        record.sha256 = sha256;
        record.source = source;
        record.profiles = profiles;
        record.uploadedBy = actor;
        record.uploadedAt = clock.instant();
        persist(record);
        return new Uploaded(record, true, results);
    }

    @Transactional
    public RulebookRecord require(String id, String version) {
        return findByIdOptional(new RulebookRecord.Key(id, version)).orElseThrow(() -> new DomainException(DomainException.Kind.NOT_FOUND,
                "rulebook-not-found", "version", "no rulebook " + id + " " + version + " is kept here"));
    }

    /** Every version, newest upload first (the sources are not read). */
    public List<RulebookRecord> all() {
        return list("order by uploadedAt desc, rulebookId, version");
    }

    public Rulebook compiled(RulebookRecord record) {
        return Rulebooks.parse(record.source);
    }

    public List<RulebookDiff.Change> diff(String id, String from, String to) {
        return RulebookDiff.between(compiled(require(id, from)), compiled(require(id, to)));
    }

    /** The profiles of a kept version as they fare now (none: nothing to try). */
    public ProfileResults profilesOf(RulebookRecord record) {
        return record.profiles == null ? ProfileResults.NONE : tryProfiles(compiled(record), record.profiles);
    }

    static ProfileResults tryProfiles(Rulebook rulebook, String profiles) {
        CaseFile file;
        try {
            file = CaseFile.parse(profiles);
        } catch (IOException | RuntimeException e) {
            throw new DomainException(DomainException.Kind.UNPROCESSABLE, "profiles-invalid", "profiles",
                    "the profiles are not a case file: " + firstLine(e.getMessage()));
        }
        List<String> problems = file.problems(rulebook.metadata().id());
        if (!problems.isEmpty()) {
            List<Problem.FieldError> errors = problems.stream().map(p -> new Problem.FieldError("profiles." + p.substring(0, p.indexOf(':')),
                    p.substring(p.indexOf(':') + 1).strip())).toList();
            throw new DomainException(DomainException.Kind.UNPROCESSABLE, "profiles-invalid", errors.get(0).field(),
                    problems.size() + " problem(s) in the profiles: " + problems.get(0), errors);
        }
        List<CaseCheck.Result> results = CaseCheck.run(rulebook, file);
        List<String> failed = results.stream().filter(r -> !r.passed())
                .map(r -> r.profile().name() + ": " + String.join("; ", r.mismatches())).toList();
        return new ProfileResults(results.size(), results.size() - failed.size(), failed);
    }

    private static String firstLine(String message) {
        return message == null ? "unreadable" : message.lines().findFirst().orElse(message);
    }
}

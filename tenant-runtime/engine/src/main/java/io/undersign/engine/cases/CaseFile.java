package io.undersign.engine.cases;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.undersign.engine.CaseInput;
import java.io.IOException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A file of applicant profiles with the decision an underwriter expects: each profile's answers
 * are laid over {@code defaults}. Used by the engine's tests and by {@code undersign rulebook test}.
 */
public record CaseFile(String rulebook, LocalDate applicationDate, Map<String, Object> defaults, List<Profile> profiles) {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .registerModule(new JavaTimeModule())
            .setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    public record Profile(String name, Map<String, Object> answers, Map<String, Map<String, Object>> evidence, Expectation expect) {
    }

    /** What must hold: the outcome, and optionally the table, flat extra, exclusions, postponement, pending evidence and reasons. */
    public record Expectation(String outcome, Integer table, Double flatExtra, Integer exclusions, Integer postponeMonths,
            List<String> pending, List<String> reasons) {
    }

    public static CaseFile parse(String yaml) throws IOException {
        return YAML.readValue(yaml, new TypeReference<CaseFile>() {
        });
    }

    /**
     * What is wrong with this file for {@code rulebook}, each with the entry and field (empty when
     * nothing): a file for another rulebook, no profiles, an empty entry, a profile without a name
     * or an expected outcome.
     */
    public List<String> problems(String rulebookId) {
        List<String> problems = new java.util.ArrayList<>();
        if (rulebook == null) {
            problems.add("rulebook: is required (the id of the rulebook these cases are for)");
        } else if (!rulebook.equals(rulebookId)) {
            problems.add("rulebook: the cases are for rulebook '" + rulebook + "', not '" + rulebookId + "'");
        }
        if (profiles == null || profiles.isEmpty()) {
            problems.add("profiles: at least one profile is required");
            return problems;
        }
        for (int i = 0; i < profiles.size(); i++) {
            Profile p = profiles.get(i);
            String at = "profiles[" + i + "]";
            if (p == null) {
                problems.add(at + ": is empty");
                continue;
            }
            if (p.name() == null || p.name().isBlank()) {
                problems.add(at + ".name: is required");
            }
            if (p.expect() == null || p.expect().outcome() == null) {
                problems.add(at + (p.name() == null ? "" : " (" + p.name() + ")") + ".expect.outcome: is required");
            }
        }
        return problems;
    }

    /** The engine input for one profile: defaults overlaid by the profile's answers. */
    public CaseInput input(Profile profile) {
        Map<String, Object> answers = new LinkedHashMap<>(defaults == null ? Map.of() : defaults);
        if (profile.answers() != null) {
            answers.putAll(profile.answers());
        }
        return new CaseInput(answers, profile.evidence(), applicationDate == null ? LocalDate.now() : applicationDate);
    }
}

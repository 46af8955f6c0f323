package io.undersign.controlplane.release;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.undersign.controlplane.config.UndersignConfig;
import io.undersign.controlplane.driver.PublicApi;
import io.undersign.controlplane.driver.TenantSpec;
import io.undersign.engine.CaseInput;
import io.undersign.engine.Decision;
import io.undersign.engine.Engine;
import io.undersign.engine.Evaluation;
import io.undersign.engine.Rulebook;
import io.undersign.engine.cases.CaseCheck;
import io.undersign.engine.cases.CaseFile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether a tenant's new runtime may stay: asked after the switch, through the tenant's public
 * host names, as users reach it. It must answer healthy on N probes in a row, each started after
 * the switch; report the release's build on the api. host; and decide the release's rulebook
 * profiles as the engine here predicts and as the profiles expect. Anything it cannot establish
 * is a failure: a gate that cannot decide does not pass.
 */
@ApplicationScoped
public class ReleaseGate {

    /** Why the runtime may not stay, in words. */
    public static class Failed extends Exception {
        Failed(String message) {
            super(message);
        }
    }

    @Inject
    PublicApi api;

    @Inject
    ReleaseService releases;

    @Inject
    RulebookStore rulebooks;

    @Inject
    UndersignConfig config;

    @Inject
    ObjectMapper json;

    /** Returns what it checked; throws {@link Failed} at the first thing that does not hold. */
    public Map<String, String> check(TenantSpec tenant, Instant switchedAt) throws Failed, InterruptedException {
        PlatformRelease release = releases.require(tenant.release());
        Map<String, String> checked = new LinkedHashMap<>();
        checked.put("probes", healthy(tenant, switchedAt));
        checked.put("build", build(tenant, release));
        checked.put("decisions", decisions(tenant, release));
        return checked;
    }

    private String healthy(TenantSpec tenant, Instant switchedAt) throws Failed, InterruptedException {
        int wanted = config.gate().probes();
        for (int i = 1; i <= wanted; i++) {
            Instant sent = Instant.now();
            if (sent.isBefore(switchedAt)) {
                throw new Failed("a probe would start before the switch at " + switchedAt + "; the clock is not to be trusted");
            }
            PublicApi.Answer answer = ask(() -> api.health(tenant), "the health check of " + tenant.interviewHost());
            if (answer.status() != 200) {
                throw new Failed("probe " + i + " of " + wanted + " through " + tenant.interviewHost() + " answered " + answer.status());
            }
            if (i < wanted) {
                Thread.sleep(config.gate().probeInterval().toMillis());
            }
        }
        return wanted + " of " + wanted + " healthy after the switch";
    }

    private String build(TenantSpec tenant, PlatformRelease release) throws Failed {
        JsonNode service = body(ask(() -> api.call(tenant, "GET", "/api/v1/service", null), "GET /api/v1/service on " + tenant.apiHost()),
                "GET /api/v1/service");
        String buildId = service.path("buildId").asText();
        if (!release.buildId.equals(buildId) || !release.id.equals(service.path("release").asText())) {
            throw new Failed(tenant.apiHost() + " reports build " + buildId + " of release " + service.path("release").asText()
                    + ", not build " + release.buildId + " of release " + release.id);
        }
        return buildId;
    }

    private String decisions(TenantSpec tenant, PlatformRelease release) throws Failed {
        RulebookRecord record = rulebooks.require(release.rulebookId, release.rulebookVersion);
        if (record.profiles == null) {
            throw new Failed("rulebook " + record.rulebookId + " " + record.version + " has no profiles to check the new runtime's decisions with;"
                    + " upload it with --profiles");
        }
        Rulebook rulebook = rulebooks.compiled(record);
        CaseFile file;
        try {
            file = CaseFile.parse(record.profiles);
        } catch (IOException e) {
            throw new Failed("the profiles of rulebook " + record.rulebookId + " " + record.version + " cannot be read: " + e.getMessage());
        }
        List<CaseFile.Profile> profiles = file.profiles().stream().limit(config.gate().profiles()).toList();
        for (CaseFile.Profile profile : profiles) {
            CaseCheck.Result expected = CaseCheck.check(rulebook, file, profile);
            if (!expected.passed()) {
                throw new Failed("profile '" + profile.name() + "' of rulebook " + record.rulebookId + " " + record.version
                        + " is not decided as it expects: " + String.join("; ", expected.mismatches()));
            }
            CaseInput input = file.input(profile);
            JsonNode answered = body(ask(() -> api.call(tenant, "POST", "/api/v1/evaluations", evaluation(input)),
                    "POST /api/v1/evaluations on " + tenant.apiHost()), "POST /api/v1/evaluations");
            String mismatch = mismatch(expected.evaluation(), answered.path("decision"));
            if (mismatch != null) {
                throw new Failed("profile '" + profile.name() + "' through " + tenant.apiHost() + ": " + mismatch);
            }
        }
        return profiles.size() + " profile(s) decided as predicted";
    }

    /** How the runtime's decision differs from the prediction (null when it does not). */
    private String mismatch(Evaluation predicted, JsonNode answered) {
        Decision d = predicted.decision();
        JsonNode p = json.valueToTree(d);
        for (String field : List.of("outcome", "rating", "exclusions", "postponeMonths", "referralReasons")) {
            if (!p.path(field).equals(answered.path(field))) {
                return field + " is " + answered.path(field) + ", the release's rulebook decides " + p.path(field);
            }
        }
        List<String> pending = d.pendingEvidence().stream().map(Decision.PendingEvidence::type).toList();
        List<String> answeredPending = new java.util.ArrayList<>();
        answered.path("pendingEvidence").forEach(e -> answeredPending.add(e.path("type").asText()));
        return pending.equals(answeredPending) ? null : "evidence asked " + answeredPending + ", the release's rulebook asks " + pending;
    }

    private String evaluation(CaseInput input) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("applicationDate", input.applicationDate().toString());
        body.put("answers", input.answers());
        body.put("evidence", input.evidence());
        try {
            return json.writeValueAsString(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode body(PublicApi.Answer answer, String what) throws Failed {
        if (answer.status() != 200) {
            throw new Failed(what + " answered " + answer.status() + ": " + answer.body().lines().findFirst().orElse(""));
        }
        try {
            return json.readTree(answer.body());
        } catch (IOException e) {
            throw new Failed(what + " answered something that is not JSON");
        }
    }

    @FunctionalInterface
    private interface Call {
        PublicApi.Answer call() throws Exception;
    }

    private static PublicApi.Answer ask(Call call, String what) throws Failed {
        try {
            return call.call();
        } catch (Exception e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new Failed(what + " could not be asked: " + cause.getMessage());
        }
    }
}

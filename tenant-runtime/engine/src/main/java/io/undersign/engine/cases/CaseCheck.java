package io.undersign.engine.cases;

import io.undersign.engine.Decision;
import io.undersign.engine.Engine;
import io.undersign.engine.Evaluation;
import io.undersign.engine.Firing;
import io.undersign.engine.Rulebook;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Runs the profiles of a {@link CaseFile} against a rulebook and says which match their expectation. */
public final class CaseCheck {
    private CaseCheck() {
    }

    public record Result(CaseFile.Profile profile, Evaluation evaluation, List<String> mismatches) {
        public boolean passed() {
            return mismatches.isEmpty();
        }
    }

    public static List<Result> run(Rulebook rulebook, CaseFile file) {
        return file.profiles().stream().map(p -> check(rulebook, file, p)).toList();
    }

    public static Result check(Rulebook rulebook, CaseFile file, CaseFile.Profile profile) {
        Evaluation evaluation = Engine.evaluate(rulebook, file.input(profile));
        List<String> mismatches = new ArrayList<>();
        if (!evaluation.valid()) {
            mismatches.add("answers rejected: " + evaluation.errors());
            return new Result(profile, evaluation, mismatches);
        }
        Decision d = evaluation.decision();
        CaseFile.Expectation e = profile.expect();
        if (!d.outcome().name().equals(e.outcome())) {
            mismatches.add("outcome " + d.outcome() + ", expected " + e.outcome());
        }
        if (e.table() != null && (d.rating() == null ? 0 : d.rating().table()) != e.table()) {
            mismatches.add("table " + (d.rating() == null ? "none" : d.rating().table()) + ", expected " + e.table());
        }
        if (e.flatExtra() != null && (d.rating() == null ? 0 : d.rating().flatExtraPerMille()) != e.flatExtra()) {
            mismatches.add("flat extra " + (d.rating() == null ? 0 : d.rating().flatExtraPerMille()) + ", expected " + e.flatExtra());
        }
        if (e.exclusions() != null && d.exclusions().size() != e.exclusions()) {
            mismatches.add(d.exclusions().size() + " exclusions, expected " + e.exclusions());
        }
        if (e.postponeMonths() != null && !e.postponeMonths().equals(d.postponeMonths())) {
            mismatches.add("postponed " + d.postponeMonths() + " months, expected " + e.postponeMonths());
        }
        if (e.pending() != null) {
            List<String> pending = d.pendingEvidence().stream().map(Decision.PendingEvidence::type).toList();
            if (!Set.copyOf(pending).equals(Set.copyOf(e.pending()))) {
                mismatches.add("pending " + pending + ", expected " + e.pending());
            }
        }
        if (e.reasons() != null) {
            Set<String> fired = d.explanation().firings().stream().map(Firing::reasonCode).collect(Collectors.toSet());
            List<String> missing = e.reasons().stream().filter(r -> !fired.contains(r)).toList();
            if (!missing.isEmpty()) {
                mismatches.add("reasons " + missing + " did not fire (fired: " + fired + ")");
            }
        }
        return new Result(profile, evaluation, mismatches);
    }
}

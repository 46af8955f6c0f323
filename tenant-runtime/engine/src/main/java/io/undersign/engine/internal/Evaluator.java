package io.undersign.engine.internal;

import dev.cel.runtime.CelEvaluationException;
import io.undersign.engine.CaseInput;
import io.undersign.engine.Decision;
import io.undersign.engine.Evaluation;
import io.undersign.engine.Explanation;
import io.undersign.engine.FieldError;
import io.undersign.engine.Firing;
import io.undersign.engine.NextQuestions;
import io.undersign.engine.Outcome;
import io.undersign.engine.Rating;
import io.undersign.engine.model.DecisionKind;
import io.undersign.engine.model.Effect;
import io.undersign.engine.model.EvidenceField;
import io.undersign.engine.model.HitPolicy;
import io.undersign.engine.model.Row;
import io.undersign.engine.model.Table;
import io.undersign.engine.model.Thresholds;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Evaluation of a case against a compiled rulebook: pure, deterministic, never throws on input. */
public final class Evaluator {
    private Evaluator() {
    }

    public static NextQuestions next(CompiledRulebook rulebook, Map<String, Object> answers) {
        Interview interview = Interview.walk(rulebook, answers);
        return new NextQuestions(List.copyOf(interview.due), List.copyOf(interview.asked), List.copyOf(interview.ignored),
                List.copyOf(interview.errors));
    }

    /** {@link #next(CompiledRulebook, Map)} at an application date: dates checked against it, and the declines already certain. */
    public static NextQuestions next(CompiledRulebook rulebook, Map<String, Object> answers, LocalDate applicationDate) {
        Interview interview = Interview.walk(rulebook, answers);
        List<FieldError> errors = new ArrayList<>(interview.errors);
        Map<String, Object> display = new LinkedHashMap<>(interview.answers);
        derive(rulebook, applicationDate, interview, display, errors);
        List<NextQuestions.Knockout> knockouts = new ArrayList<>();
        Map<String, Set<String>> needs = inputsOfDerived(rulebook);
        for (CompiledRulebook.CompiledRule rule : rulebook.rules()) {
            Effect effect = rule.rule().effect();
            if (effect.decision() != DecisionKind.DECLINE) {
                continue;
            }
            Set<String> inputs = questionsBehind(rule.when().references(), needs);
            // every input answered (and acceptable), or the zero value of a missing one could make it hold
            if (interview.answers.keySet().containsAll(inputs) && errors.stream().noneMatch(e -> inputs.contains(e.field()))
                    && interview.holds(rule.when(), "rules." + rule.rule().id())) {
                knockouts.add(new NextQuestions.Knockout(rule.rule().id(), effect.reason().code(), render(effect.reason().text(), display),
                        List.copyOf(inputs)));
            }
        }
        return new NextQuestions(List.copyOf(interview.due), List.copyOf(interview.asked), List.copyOf(interview.ignored),
                List.copyOf(errors), List.copyOf(knockouts));
    }

    /** The questions each derived value is computed from, through other derived values. */
    private static Map<String, Set<String>> inputsOfDerived(CompiledRulebook rulebook) {
        Map<String, Set<String>> needs = new LinkedHashMap<>();
        for (CompiledRulebook.DerivedValue d : rulebook.derived()) {
            // derived values are in dependency order: each one's inputs are known when it is reached
            Set<String> direct = d.definition().ageOf() != null ? Set.of(d.definition().ageOf()) : d.expr().references();
            needs.put(d.definition().id(), questionsBehind(direct, needs));
        }
        return needs;
    }

    private static Set<String> questionsBehind(Set<String> names, Map<String, Set<String>> needs) {
        Set<String> out = new LinkedHashSet<>();
        for (String name : names) {
            out.addAll(needs.getOrDefault(name, Set.of(name)));
        }
        return out;
    }

    public static Evaluation evaluate(CompiledRulebook rulebook, CaseInput input) {
        Interview interview = Interview.walk(rulebook, input.answers());
        List<FieldError> errors = new ArrayList<>(interview.errors);
        interview.due.forEach(q -> errors.add(new FieldError(q, "is required", FieldError.Code.REQUIRED)));
        Map<String, Object> display = new LinkedHashMap<>(interview.answers);
        derive(rulebook, input.applicationDate(), interview, display, errors);
        if (!errors.isEmpty()) {
            return invalid(errors);
        }
        Run run = new Run(rulebook, interview, display);
        run.tables();
        run.rules();
        run.evidence(input.evidence(), errors);
        if (!errors.isEmpty()) {
            return invalid(errors);
        }
        return new Evaluation(run.decide(), List.of());
    }

    private static Evaluation invalid(List<FieldError> errors) {
        return new Evaluation(null, List.copyOf(errors));
    }

    private static void derive(CompiledRulebook rulebook, LocalDate applicationDate, Interview interview,
            Map<String, Object> display, List<FieldError> errors) {
        for (CompiledRulebook.DerivedValue d : rulebook.derived()) {
            Object value;
            if (d.definition().ageOf() != null) {
                Object birth = interview.answers.get(d.definition().ageOf());
                if (!(birth instanceof LocalDate date)) {
                    value = 0L;
                } else if (date.isAfter(applicationDate)) {
                    errors.add(new FieldError(d.definition().ageOf(), "must not be after the application date " + applicationDate,
                            FieldError.Code.AFTER_APPLICATION_DATE));
                    value = 0L;
                } else {
                    value = (long) Period.between(date, applicationDate).getYears();
                }
            } else {
                try {
                    value = d.expr().eval(interview.values);
                } catch (CelEvaluationException e) {
                    // a stand-in value lets the remaining rules run; the failure refers the case
                    interview.failed("derived." + d.definition().id(), e);
                    value = Cel.zeroOf(d.definition().type());
                }
                if (value instanceof Long l && d.definition().type() == io.undersign.engine.model.QuestionType.NUMBER) {
                    value = l.doubleValue();
                }
            }
            interview.values.put(d.definition().id(), value);
            display.put(d.definition().id(), value);
        }
    }

    /** One evaluation's working state. */
    private static final class Run {
        private final CompiledRulebook rulebook;
        private final Interview interview;
        private final Map<String, Object> display;
        private final List<Firing> firings = new ArrayList<>();
        private final Map<String, Set<String>> requiredEvidence = new LinkedHashMap<>();
        private final Set<String> providedEvidence = new LinkedHashSet<>();

        Run(CompiledRulebook rulebook, Interview interview, Map<String, Object> display) {
            this.rulebook = rulebook;
            this.interview = interview;
            this.display = display;
        }

        void tables() {
            Map<String, Object> values = interview.values.asMap();
            for (Table table : rulebook.tables()) {
                for (int r = 0; r < table.rows().size(); r++) {
                    Row row = table.rows().get(r);
                    if (TableMatcher.matches(row, values)) {
                        fire("table:" + table.id() + "#" + (r + 1), table.inputs(), row.effect(), display);
                        if (table.hit() == HitPolicy.FIRST || table.hit() == HitPolicy.UNIQUE) {
                            break;
                        }
                    }
                }
            }
        }

        void rules() {
            for (CompiledRulebook.CompiledRule rule : rulebook.rules()) {
                if (interview.holds(rule.when(), "rules." + rule.rule().id())) {
                    fire("rule:" + rule.rule().id(), rule.when().references(), rule.rule().effect(), display);
                }
            }
        }

        void evidence(Map<String, Map<String, Object>> results, List<FieldError> errors) {
            for (Map.Entry<String, Map<String, Object>> result : results.entrySet()) {
                CompiledRulebook.CompiledEvidence type = rulebook.evidence().get(result.getKey());
                if (type == null) {
                    errors.add(new FieldError("evidence." + result.getKey(), "is not an evidence type of this rulebook"));
                    continue;
                }
                Map<String, Object> fields = new LinkedHashMap<>();
                Map<String, Object> given = result.getValue() == null ? Map.of() : result.getValue();
                for (EvidenceField field : type.type().returns()) {
                    String name = "evidence." + type.type().id() + "." + field.id();
                    Object raw = given.get(field.id());
                    if (raw == null) {
                        errors.add(new FieldError(name, "is required in a " + type.type().name() + " result"));
                        continue;
                    }
                    Object value = AnswerReader.read(name, field, raw, errors);
                    if (value != null) {
                        fields.put(field.id(), value);
                    }
                }
                given.keySet().stream().filter(k -> type.type().returns().stream().noneMatch(f -> f.id().equals(k)))
                        .forEach(k -> errors.add(new FieldError("evidence." + type.type().id() + "." + k, "is not a value a "
                                + type.type().name() + " returns")));
                if (fields.size() != type.type().returns().size()) {
                    continue;
                }
                providedEvidence.add(type.type().id());
                CaseValues values = interview.values.with(fields);
                Map<String, Object> shown = new LinkedHashMap<>(display);
                shown.putAll(fields);
                for (CompiledRulebook.CompiledRule rule : type.rules()) {
                    if (interview.holds(rule.when(), values, "evidence." + type.type().id() + ".rules." + rule.rule().id())) {
                        fire("evidence:" + type.type().id() + "/" + rule.rule().id(), rule.when().references(), rule.rule().effect(), shown);
                    }
                }
            }
        }

        private void fire(String source, Collection<String> inputNames, Effect effect, Map<String, Object> shown) {
            Map<String, Object> inputs = new LinkedHashMap<>();
            for (String name : inputNames) {
                if (shown.containsKey(name)) {
                    inputs.put(name, displayValue(shown.get(name)));
                }
            }
            for (String type : effect.evidence()) {
                requiredEvidence.computeIfAbsent(type, t -> new LinkedHashSet<>()).add(effect.reason().text() == null ? source
                        : render(effect.reason().text(), shown));
            }
            firings.add(new Firing(source, inputs, effect.debits(), effect.credits(), effect.flatExtraPerMille(),
                    effect.decision() == null ? null : effect.decision().name(),
                    effect.decision() == DecisionKind.POSTPONE ? effect.postponeMonths() : null,
                    effect.exclusion(), effect.evidence(), effect.reason().code(), render(effect.reason().text(), shown)));
        }

        Decision decide() {
            Thresholds t = rulebook.definition().thresholds();
            // in long: no sum of per-rule debits (each at most Effect's bound) can wrap around
            long debits = firings.stream().mapToLong(Firing::debits).sum();
            long credits = firings.stream().mapToLong(Firing::credits).sum();
            long net = Math.max(0, debits - credits);
            double flat = firings.stream().mapToDouble(Firing::flatExtraPerMille).sum();
            List<String> exclusions = firings.stream().map(Firing::exclusion).filter(e -> e != null).distinct().toList();
            List<Firing> declines = forced(DecisionKind.DECLINE);
            List<Firing> postpones = forced(DecisionKind.POSTPONE);
            List<Firing> refers = forced(DecisionKind.REFER);
            List<Decision.PendingEvidence> pending = new ArrayList<>();
            requiredEvidence.forEach((type, reasons) -> {
                if (!providedEvidence.contains(type)) {
                    pending.add(new Decision.PendingEvidence(type, rulebook.evidence().get(type).type().name(), List.copyOf(reasons)));
                }
            });
            List<String> why = new ArrayList<>(interview.notes);
            Outcome outcome;
            Rating rating = null;
            Integer postponeMonths = null;
            List<String> referral = List.of();
            if (!declines.isEmpty()) {
                outcome = Outcome.DECLINE;
                declines.forEach(f -> why.add("Declined: " + f.reason() + " (" + f.source() + ")"));
            } else if (net > t.declineOver()) {
                outcome = Outcome.DECLINE;
                why.add("Declined: net debits " + net + " are above the decline threshold " + t.declineOver());
            } else if (!postpones.isEmpty()) {
                outcome = Outcome.POSTPONE;
                postponeMonths = postpones.stream().mapToInt(Firing::postponeMonths).max().orElse(0);
                postpones.forEach(f -> why.add("Postponed " + f.postponeMonths() + " months: " + f.reason() + " (" + f.source() + ")"));
            } else if (!refers.isEmpty() || !interview.failures.isEmpty()) {
                // fail closed: what could not be evaluated is a person's to decide, never a quiet pass
                outcome = Outcome.REFER;
                List<String> reasons = new ArrayList<>(refers.stream().map(Firing::reason).toList());
                interview.failures.forEach(f -> reasons.add("EVALUATION_ERROR: " + f));
                referral = reasons.stream().distinct().toList();
                refers.forEach(f -> why.add("Referred to an underwriter: " + f.reason() + " (" + f.source() + ")"));
                interview.failures.forEach(f -> why.add("Referred to an underwriter (EVALUATION_ERROR): " + f));
            } else if (!pending.isEmpty()) {
                outcome = Outcome.PENDING_EVIDENCE;
                pending.forEach(p -> why.add("Waiting for " + p.name() + ": " + String.join("; ", p.requestedBecause())));
            } else if (net > t.standardMax() || flat > 0) {
                int table = net > t.standardMax() ? (int) ((net + t.tableStep() - 1) / t.tableStep()) : 0;
                rating = new Rating(table, table * t.tableStep(), flat);
                outcome = Outcome.RATED;
                why.add(net > t.standardMax()
                        ? "Rated: net debits " + net + " are above the standard limit " + t.standardMax() + ", so Table " + table
                                + " (+" + rating.extraMortalityPercent() + "% mortality)"
                        : "Rated: flat extra premium of " + flat + " per mille");
            } else if (!exclusions.isEmpty()) {
                outcome = Outcome.EXCLUSION;
                why.add("Accepted with exclusion: net debits " + net + " are within the standard limit " + t.standardMax());
            } else {
                outcome = Outcome.STANDARD;
                why.add("Standard terms: net debits " + net + " are within the standard limit " + t.standardMax());
            }
            if (outcome == Outcome.DECLINE || outcome == Outcome.POSTPONE) {
                interview.failures.forEach(f -> why.add("Also (EVALUATION_ERROR): " + f));
            }
            if (!exclusions.isEmpty() && (outcome == Outcome.RATED || outcome == Outcome.EXCLUSION)) {
                exclusions.forEach(e -> why.add("Exclusion: " + e));
            }
            // every rule that counted, and whether it moved the outcome: a smoker who stays STANDARD is told why
            boolean byDebits = outcome == Outcome.STANDARD || outcome == Outcome.RATED || outcome == Outcome.EXCLUSION;
            for (Firing f : firings) {
                if (f.decision() != null || (f.debits() == 0 && f.credits() == 0)) {
                    continue;
                }
                String counted = (f.debits() != 0 ? "+" + f.debits() + " debits" : "") + (f.debits() != 0 && f.credits() != 0 ? ", " : "")
                        + (f.credits() != 0 ? "-" + f.credits() + " credits" : "");
                why.add((byDebits ? "Counted: " : "Counted, without changing the outcome: ") + counted + " for " + f.reason()
                        + " (" + f.source() + ")");
            }
            var meta = rulebook.definition().metadata();
            Explanation explanation = new Explanation(meta.id(), meta.version(), List.copyOf(firings), debits, credits, net, flat,
                    List.copyOf(why), List.copyOf(interview.ignored));
            return new Decision(outcome, rating,
                    outcome == Outcome.RATED || outcome == Outcome.EXCLUSION ? exclusions : List.of(),
                    postponeMonths, referral, outcome == Outcome.PENDING_EVIDENCE ? List.copyOf(pending) : List.of(), explanation);
        }

        private List<Firing> forced(DecisionKind kind) {
            return firings.stream().filter(f -> kind.name().equals(f.decision())).toList();
        }
    }

    static String render(String template, Map<String, Object> values) {
        return template == null ? null : ReasonTemplate.of(template).render(values, Evaluator::displayValue);
    }

    private static Object displayValue(Object value) {
        if (value instanceof Double d) {
            double rounded = Math.round(d * 10) / 10.0;
            return rounded == Math.rint(rounded) ? (Object) (long) rounded : (Object) rounded;
        }
        if (value instanceof LocalDate date) {
            return date.toString();
        }
        return value;
    }
}

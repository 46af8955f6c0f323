package io.undersign.engine.internal;

import dev.cel.common.ast.CelExpr;
import dev.cel.common.types.CelType;
import dev.cel.common.types.SimpleType;
import io.undersign.engine.Problem;
import io.undersign.engine.model.DecisionKind;
import io.undersign.engine.model.Derived;
import io.undersign.engine.model.Effect;
import io.undersign.engine.model.EvidenceField;
import io.undersign.engine.model.EvidenceType;
import io.undersign.engine.model.HitPolicy;
import io.undersign.engine.model.Match;
import io.undersign.engine.model.Page;
import io.undersign.engine.model.Question;
import io.undersign.engine.model.QuestionType;
import io.undersign.engine.model.Row;
import io.undersign.engine.model.Rule;
import io.undersign.engine.model.RulebookDefinition;
import io.undersign.engine.model.Table;
import io.undersign.engine.model.Thresholds;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Validates a whole rulebook definition and compiles its expressions; any problem anywhere and
 * nothing is returned, so an invalid rulebook never half-loads.
 */
public final class RulebookCompiler {
    /** Debits or credits one rule may give: far above any real loading, far below an int overflow. */
    static final int MAX_POINTS = 10_000;
    /** The largest rulebook accepted, in characters. */
    static final int MAX_CHARACTERS = 512 * 1024;
    /** A flat extra premium per 1,000 of cover, at most. */
    static final double MAX_FLAT_EXTRA = 100;
    private static final Pattern VARIABLE = Pattern.compile("[a-z][a-z0-9_]*");
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_-]*");

    private RulebookCompiler() {
    }

    /** Reads and compiles rulebook YAML; the result holds either the rulebook or every problem. */
    public static Result compile(String yaml) {
        Problems problems = new Problems();
        if (yaml.length() > MAX_CHARACTERS) {
            // validation time and memory grow with the file: the sample is 30 KB, a real rulebook well under this
            problems.add("(file)", "is " + yaml.length() + " characters; a rulebook has at most " + MAX_CHARACTERS);
            return new Result(null, problems.all());
        }
        RulebookDefinition definition = new RulebookParser(problems).parse(yaml);
        if (definition == null) {
            return new Result(null, problems.all());
        }
        CompiledRulebook compiled = new RulebookCompiler.Run(definition, problems).compile();
        return problems.any() ? new Result(null, problems.all()) : new Result(compiled, List.of());
    }

    public record Result(CompiledRulebook rulebook, List<Problem> problems) {
    }

    private static final class Run {
        private final RulebookDefinition def;
        private final Problems problems;
        private final Map<String, Question> questions = new LinkedHashMap<>();
        private final Map<String, Integer> questionIndex = new HashMap<>();
        private final Map<String, QuestionType> variables = new LinkedHashMap<>();

        Run(RulebookDefinition def, Problems problems) {
            this.def = def;
            this.problems = problems;
        }

        CompiledRulebook compile() {
            checkIds();
            checkPages();
            checkQuestions();
            List<Cel.Compiled> askWhen = compileAskWhen();
            List<CompiledRulebook.DerivedValue> derived = compileDerived();
            Map<String, CelType> celVariables = celTypes(variables);
            dev.cel.bundle.Cel cel = Cel.compiler(celVariables);
            Set<String> evidenceIds = new HashSet<>();
            def.evidence().forEach(e -> evidenceIds.add(e.id()));
            checkTables(evidenceIds);
            List<CompiledRulebook.CompiledRule> rules = compileRules(def.rules(), "rules", cel, evidenceIds);
            Map<String, CompiledRulebook.CompiledEvidence> evidence = compileEvidence(celVariables, evidenceIds);
            checkThresholds(def.thresholds());
            Map<String, Object> zero = new LinkedHashMap<>();
            variables.forEach((name, type) -> zero.put(name, Cel.zeroOf(type)));
            return new CompiledRulebook(def, List.copyOf(questions.values()), Map.copyOf(questions), askWhen, derived,
                    def.tables(), rules, evidence, java.util.Collections.unmodifiableMap(zero));
        }

        private void checkIds() {
            for (int i = 0; i < def.questions().size(); i++) {
                Question q = def.questions().get(i);
                String path = "questions[" + i + "]";
                if (q.id() == null) {
                    continue;
                }
                if (!VARIABLE.matcher(q.id()).matches()) {
                    problems.add(path + ".id", "'" + q.id() + "' must be lower-case letters, digits and _ (it is used in expressions)");
                }
                if (variables.containsKey(q.id())) {
                    problems.add(path + ".id", "duplicate question id '" + q.id() + "'");
                }
                questions.put(q.id(), q);
                questionIndex.put(q.id(), i);
                variables.put(q.id(), q.type());
            }
            for (int i = 0; i < def.derived().size(); i++) {
                Derived d = def.derived().get(i);
                if (d.id() == null) {
                    continue;
                }
                if (!VARIABLE.matcher(d.id()).matches()) {
                    problems.add("derived[" + i + "].id", "'" + d.id() + "' must be lower-case letters, digits and _");
                }
                if (variables.containsKey(d.id())) {
                    problems.add("derived[" + i + "].id", "'" + d.id() + "' is already a question or derived value");
                }
                variables.put(d.id(), d.type());
            }
            unique(def.tables().stream().map(Table::id).toList(), "tables");
            unique(def.rules().stream().map(Rule::id).toList(), "rules");
            unique(def.evidence().stream().map(EvidenceType::id).toList(), "evidence");
            unique(def.pages().stream().map(Page::id).toList(), "pages");
        }

        private void unique(List<String> ids, String section) {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < ids.size(); i++) {
                String id = ids.get(i);
                if (id == null) {
                    continue;
                }
                if (!ID.matcher(id).matches()) {
                    problems.add(section + "[" + i + "].id", "'" + id + "' must be lower-case letters, digits, - and _");
                }
                if (!seen.add(id)) {
                    problems.add(section + "[" + i + "].id", "duplicate id '" + id + "'");
                }
            }
        }

        private void checkPages() {
            Map<String, String> pageOf = new HashMap<>();
            for (int p = 0; p < def.pages().size(); p++) {
                Page page = def.pages().get(p);
                for (int i = 0; i < page.questions().size(); i++) {
                    String q = page.questions().get(i);
                    String path = "pages[" + p + "].questions[" + i + "]";
                    if (!questions.containsKey(q)) {
                        problems.add(path, "undeclared question '" + q + "'");
                    } else if (pageOf.containsKey(q)) {
                        problems.add(path, "question '" + q + "' is already on page '" + pageOf.get(q) + "'");
                    } else {
                        pageOf.put(q, page.id());
                    }
                }
            }
            for (int i = 0; i < def.questions().size(); i++) {
                Question q = def.questions().get(i);
                if (q.id() != null && !pageOf.containsKey(q.id())) {
                    problems.add("questions[" + i + "]", "question '" + q.id() + "' is on no page, so it can never be asked");
                }
            }
        }

        private void checkQuestions() {
            for (int i = 0; i < def.questions().size(); i++) {
                Question q = def.questions().get(i);
                String path = "questions[" + i + "]";
                boolean choice = q.type() == QuestionType.SINGLE_CHOICE || q.type() == QuestionType.MULTI_CHOICE;
                if (choice && q.options().isEmpty()) {
                    problems.add(path + ".options", "a " + q.type().yamlName + " question needs options");
                }
                if (!choice && !q.options().isEmpty()) {
                    problems.add(path + ".options", "only choice questions have options");
                }
                Set<String> values = new HashSet<>();
                for (int o = 0; o < q.options().size(); o++) {
                    if (!values.add(q.options().get(o).value())) {
                        problems.add(path + ".options[" + o + "]", "duplicate option '" + q.options().get(o).value() + "'");
                    }
                }
                if ((q.min() != null || q.max() != null) && !q.type().numeric()) {
                    problems.add(path, "min and max apply to number and integer questions only");
                }
                if (q.min() != null && q.max() != null && q.min() > q.max()) {
                    problems.add(path + ".min", "min " + q.min() + " is above max " + q.max());
                }
            }
        }

        private List<Cel.Compiled> compileAskWhen() {
            // ask-when sees only questions asked before: the interview is answered in order
            Map<String, QuestionType> earlier = new LinkedHashMap<>();
            List<Cel.Compiled> out = new ArrayList<>();
            for (int i = 0; i < def.questions().size(); i++) {
                Question q = def.questions().get(i);
                Cel.Compiled compiled = null;
                if (q.askWhen() != null) {
                    String path = "questions[" + i + "].ask-when";
                    Problems local = new Problems();
                    compiled = Cel.compile(Cel.compiler(celTypes(variablesOnly(questions.keySet()))), q.askWhen(), SimpleType.BOOL, path, local);
                    if (compiled != null) {
                        for (String ref : compiled.references()) {
                            if (!earlier.containsKey(ref)) {
                                problems.add(path, questions.containsKey(ref)
                                        ? "refers to '" + ref + "', which is asked later (or is this question itself); ask-when may use earlier questions only"
                                        : derivedInAskWhen("undeclared question '" + ref + "'"));
                                compiled = null;
                            }
                        }
                        if (compiled != null) {
                            checkOptionLiterals(compiled.ast().getExpr(), path);
                        }
                    } else {
                        local.all().forEach(p -> problems.add(p.path(), derivedInAskWhen(p.message())));
                    }
                }
                out.add(compiled);
                if (q.id() != null) {
                    earlier.put(q.id(), q.type());
                }
            }
            return out;
        }

        /** "undeclared question 'bmi'" where bmi is a derived value: say what is wrong. */
        private String derivedInAskWhen(String message) {
            var m = Pattern.compile("undeclared question '([^']+)'").matcher(message);
            if (m.find() && variables.containsKey(m.group(1)) && !questions.containsKey(m.group(1))) {
                return "refers to the derived value '" + m.group(1) + "'; ask-when may use earlier questions only"
                        + " (write it on the questions '" + m.group(1) + "' is derived from)";
            }
            return message;
        }

        /** {@code choice == 'x'} or {@code 'x' in choices} with an x that is no option can never hold. */
        private void checkOptionLiterals(CelExpr expr, String path) {
            if (expr.getKind() == CelExpr.ExprKind.Kind.CALL) {
                var call = expr.call();
                String fn = call.function();
                if ((fn.equals("_==_") || fn.equals("_!=_") || fn.equals("@in")) && call.args().size() == 2) {
                    CelExpr a = call.args().get(0);
                    CelExpr b = call.args().get(1);
                    CelExpr ident = a.getKind() == CelExpr.ExprKind.Kind.IDENT ? a : b.getKind() == CelExpr.ExprKind.Kind.IDENT ? b : null;
                    CelExpr constant = ident == a ? b : a;
                    if (ident != null && constant.getKind() == CelExpr.ExprKind.Kind.CONSTANT) {
                        Question q = questions.get(ident.ident().name());
                        boolean isString = constant.constant().getKind() == dev.cel.common.ast.CelConstant.Kind.STRING_VALUE;
                        String s = isString ? constant.constant().stringValue() : null;
                        if (q != null && !q.options().isEmpty() && isString && !q.allows(s)) {
                            problems.add(path, "'" + s + "' is not an option of '" + q.id() + "', so this can never hold");
                        }
                    }
                }
                call.target().ifPresent(t -> checkOptionLiterals(t, path));
                call.args().forEach(arg -> checkOptionLiterals(arg, path));
            }
        }

        private Map<String, QuestionType> variablesOnly(Set<String> names) {
            Map<String, QuestionType> out = new LinkedHashMap<>();
            names.forEach(n -> out.put(n, variables.get(n)));
            return out;
        }

        private List<CompiledRulebook.DerivedValue> compileDerived() {
            Map<String, CompiledRulebook.DerivedValue> byId = new LinkedHashMap<>();
            Map<String, Set<String>> deps = new LinkedHashMap<>();
            dev.cel.bundle.Cel cel = Cel.compiler(celTypes(variables));
            for (int i = 0; i < def.derived().size(); i++) {
                Derived d = def.derived().get(i);
                String path = "derived[" + i + "]";
                Cel.Compiled expr = null;
                Set<String> uses = new HashSet<>();
                if (d.ageOf() != null) {
                    Question source = questions.get(d.ageOf());
                    if (source == null) {
                        problems.add(path + ".age-of", "undeclared question '" + d.ageOf() + "'");
                    } else if (source.type() != QuestionType.DATE) {
                        problems.add(path + ".age-of", "'" + d.ageOf() + "' is not a date question");
                    }
                    if (d.type() != QuestionType.INTEGER) {
                        problems.add(path + ".type", "an age is an integer");
                    }
                } else if (d.expr() != null) {
                    if (d.type() != QuestionType.NUMBER && d.type() != QuestionType.INTEGER && d.type() != QuestionType.BOOLEAN) {
                        problems.add(path + ".type", "derived values are number, integer or boolean");
                    }
                    expr = Cel.compile(cel, d.expr(), Cel.typeOf(d.type()), path + ".expr", problems);
                    if (expr != null) {
                        uses.addAll(expr.references());
                    }
                }
                if (d.id() != null) {
                    byId.put(d.id(), new CompiledRulebook.DerivedValue(d, expr));
                    deps.put(d.id(), uses);
                }
            }
            return order(byId, deps);
        }

        /** Derived values in dependency order; a cycle is a problem. */
        private List<CompiledRulebook.DerivedValue> order(Map<String, CompiledRulebook.DerivedValue> byId, Map<String, Set<String>> deps) {
            List<CompiledRulebook.DerivedValue> ordered = new ArrayList<>();
            Set<String> done = new HashSet<>();
            Set<String> visiting = new HashSet<>();
            for (String id : byId.keySet()) {
                visit(id, byId, deps, done, visiting, ordered, new ArrayList<>());
            }
            return ordered;
        }

        private void visit(String id, Map<String, CompiledRulebook.DerivedValue> byId, Map<String, Set<String>> deps,
                Set<String> done, Set<String> visiting, List<CompiledRulebook.DerivedValue> ordered, List<String> trail) {
            if (done.contains(id) || !byId.containsKey(id)) {
                return;
            }
            trail.add(id);
            if (!visiting.add(id)) {
                problems.add("derived", "cycle: " + String.join(" → ", trail));
                return;
            }
            for (String dep : deps.get(id)) {
                visit(dep, byId, deps, done, visiting, ordered, new ArrayList<>(trail));
            }
            visiting.remove(id);
            if (done.add(id)) {
                ordered.add(byId.get(id));
            }
        }

        private void checkTables(Set<String> evidenceIds) {
            for (int t = 0; t < def.tables().size(); t++) {
                Table table = def.tables().get(t);
                String path = "tables[" + t + "]";
                for (String input : table.inputs()) {
                    if (!variables.containsKey(input)) {
                        problems.add(path + ".inputs", "undeclared question '" + input + "'");
                    }
                }
                for (int r = 0; r < table.rows().size(); r++) {
                    Row row = table.rows().get(r);
                    String rowPath = path + ".rows[" + r + "]";
                    for (Match m : row.matches()) {
                        checkMatch(table, m, rowPath + ".match." + m.input());
                    }
                    checkEffect(row.effect(), rowPath, evidenceIds);
                }
                if (table.hit() == HitPolicy.UNIQUE) {
                    // an applicant may choose several options, so several rows of a multi-choice input can hold at once,
                    // and a UNIQUE table would take the first and drop the rest (an exclusion taken, a decline lost)
                    for (String input : table.inputs()) {
                        def.questions().stream().filter(q -> q.id().equals(input) && q.type() == QuestionType.MULTI_CHOICE).findFirst()
                                .ifPresent(q -> problems.add(path + ".inputs", "'" + input + "' is multi-choice: several rows can hold"
                                        + " at once, so the table must be COLLECT-SUM (or use a rule per option), not UNIQUE"));
                    }
                    for (int a = 0; a < table.rows().size(); a++) {
                        for (int b = a + 1; b < table.rows().size(); b++) {
                            if (overlap(table.rows().get(a), table.rows().get(b))) {
                                problems.add(path + ".rows[" + b + "]", "overlaps rows[" + a + "] in a UNIQUE table");
                            }
                        }
                    }
                }
            }
        }

        private void checkMatch(Table table, Match m, String path) {
            if (!table.inputs().contains(m.input())) {
                problems.add(path, "'" + m.input() + "' is not an input of this table");
                return;
            }
            QuestionType type = variables.get(m.input());
            if (type == null) {
                return;
            }
            if (m.isRange()) {
                if (!type.numeric()) {
                    problems.add(path, "a range needs a number or integer input; '" + m.input() + "' is " + type.yamlName);
                }
                if (m.from() != null && m.below() != null && m.from() >= m.below()) {
                    problems.add(path, "empty range: from " + m.from() + " is not below " + m.below());
                }
                return;
            }
            Question q = questions.get(m.input());
            for (Object value : m.in()) {
                boolean fits = switch (type) {
                    case NUMBER, INTEGER -> value instanceof Number;
                    case BOOLEAN -> value instanceof Boolean;
                    default -> value instanceof String;
                };
                if (!fits) {
                    problems.add(path, "value '" + value + "' does not fit " + type.yamlName + " '" + m.input() + "'");
                } else if (q != null && !q.options().isEmpty() && !q.allows((String) value)) {
                    problems.add(path, "'" + value + "' is not an option of '" + m.input() + "'");
                }
            }
        }

        private static boolean overlap(Row a, Row b) {
            Map<String, Match> bm = new HashMap<>();
            b.matches().forEach(m -> bm.put(m.input(), m));
            for (Match ma : a.matches()) {
                Match mb = bm.get(ma.input());
                if (mb == null) {
                    continue;
                }
                if (ma.isRange() && mb.isRange()) {
                    double lo = Math.max(ma.from() == null ? Double.NEGATIVE_INFINITY : ma.from(), mb.from() == null ? Double.NEGATIVE_INFINITY : mb.from());
                    double hi = Math.min(ma.below() == null ? Double.POSITIVE_INFINITY : ma.below(), mb.below() == null ? Double.POSITIVE_INFINITY : mb.below());
                    if (lo >= hi) {
                        return false;
                    }
                } else if (!ma.isRange() && !mb.isRange()) {
                    if (ma.in().stream().noneMatch(v -> mb.in().stream().anyMatch(w -> TableMatcher.sameValue(v, w)))) {
                        return false;
                    }
                }
            }
            return true;
        }

        private List<CompiledRulebook.CompiledRule> compileRules(List<Rule> rules, String section, dev.cel.bundle.Cel cel, Set<String> evidenceIds) {
            List<CompiledRulebook.CompiledRule> out = new ArrayList<>();
            for (int i = 0; i < rules.size(); i++) {
                Rule rule = rules.get(i);
                String path = section + "[" + i + "]";
                checkEffect(rule.effect(), path, evidenceIds);
                if (rule.when() == null) {
                    continue;
                }
                Cel.Compiled when = Cel.compile(cel, rule.when(), SimpleType.BOOL, path + ".when", problems);
                if (when != null) {
                    // as in ask-when: a comparison with a value that is no option can never hold
                    checkOptionLiterals(when.ast().getExpr(), path + ".when");
                    out.add(new CompiledRulebook.CompiledRule(rule, when));
                }
            }
            return out;
        }

        private void checkEffect(Effect e, String path, Set<String> evidenceIds) {
            if (e.decision() == DecisionKind.POSTPONE && e.postponeMonths() <= 0) {
                problems.add(path + ".postpone-months", "a postponement needs a period in months");
            }
            if (e.decision() != DecisionKind.POSTPONE && e.postponeMonths() != 0) {
                problems.add(path + ".postpone-months", "only a postpone decision has a period");
            }
            if (e.debits() < 0 || e.credits() < 0 || e.debits() > MAX_POINTS || e.credits() > MAX_POINTS) {
                problems.add(path, "debits and credits are whole numbers from 0 to " + MAX_POINTS);
            }
            if (!(e.flatExtraPerMille() >= 0 && e.flatExtraPerMille() <= MAX_FLAT_EXTRA)) {
                // a negative extra would cancel a real one
                problems.add(path + ".flat-extra", "a flat extra is from 0 to " + MAX_FLAT_EXTRA + " per mille");
            }
            for (int i = 0; i < e.evidence().size(); i++) {
                if (!evidenceIds.contains(e.evidence().get(i))) {
                    problems.add(path + ".evidence[" + i + "]", "undeclared evidence type '" + e.evidence().get(i) + "'");
                }
            }
            if (e.reason().text() != null) {
                var placeholder = java.util.regex.Pattern.compile("\\{([a-z0-9_]+)}").matcher(e.reason().text());
                while (placeholder.find()) {
                    if (!variables.containsKey(placeholder.group(1)) && !evidenceFieldNames().contains(placeholder.group(1))) {
                        problems.add(path + ".reason.text", "undeclared question '" + placeholder.group(1) + "' in {…}");
                    }
                }
            }
        }

        private Set<String> evidenceFieldNames() {
            Set<String> names = new HashSet<>();
            def.evidence().forEach(t -> t.returns().forEach(f -> names.add(f.id())));
            return names;
        }

        private Map<String, CompiledRulebook.CompiledEvidence> compileEvidence(Map<String, CelType> caseVariables, Set<String> evidenceIds) {
            Map<String, CompiledRulebook.CompiledEvidence> out = new LinkedHashMap<>();
            for (int i = 0; i < def.evidence().size(); i++) {
                EvidenceType type = def.evidence().get(i);
                String path = "evidence[" + i + "]";
                Map<String, CelType> vars = new LinkedHashMap<>(caseVariables);
                for (int f = 0; f < type.returns().size(); f++) {
                    EvidenceField field = type.returns().get(f);
                    if (field.id() == null) {
                        continue;
                    }
                    if (!VARIABLE.matcher(field.id()).matches()) {
                        problems.add(path + ".returns[" + f + "].id", "'" + field.id() + "' must be lower-case letters, digits and _");
                    }
                    if (caseVariables.containsKey(field.id())) {
                        problems.add(path + ".returns[" + f + "].id", "'" + field.id() + "' is already a question or derived value");
                    }
                    if (field.type() != QuestionType.NUMBER && field.type() != QuestionType.INTEGER && field.type() != QuestionType.BOOLEAN
                            && field.type() != QuestionType.TEXT) {
                        problems.add(path + ".returns[" + f + "].type", "evidence values are number, integer, boolean or text");
                    }
                    vars.put(field.id(), Cel.typeOf(field.type()));
                }
                List<CompiledRulebook.CompiledRule> rules = compileRules(type.rules(), path + ".rules", Cel.compiler(vars), evidenceIds);
                if (type.id() != null) {
                    out.put(type.id(), new CompiledRulebook.CompiledEvidence(type, rules));
                }
            }
            return out;
        }

        private void checkThresholds(Thresholds t) {
            if (t.standardMax() < 0) {
                problems.add("thresholds.standard-max", "must not be negative");
            }
            if (t.tableStep() <= 0) {
                problems.add("thresholds.table-step", "must be above 0");
            }
            if (t.declineOver() <= t.standardMax()) {
                problems.add("thresholds.decline-over", "must be above standard-max (" + t.standardMax() + "): thresholds out of order");
            }
        }

        private static Map<String, CelType> celTypes(Map<String, QuestionType> vars) {
            Map<String, CelType> out = new LinkedHashMap<>();
            vars.forEach((name, type) -> out.put(name, Cel.typeOf(Objects.requireNonNull(type))));
            return out;
        }
    }
}

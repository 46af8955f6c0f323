package io.undersign.engine.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.undersign.engine.model.DecisionKind;
import io.undersign.engine.model.Derived;
import io.undersign.engine.model.Effect;
import io.undersign.engine.model.EvidenceField;
import io.undersign.engine.model.EvidenceType;
import io.undersign.engine.model.HitPolicy;
import io.undersign.engine.model.Match;
import io.undersign.engine.model.Metadata;
import io.undersign.engine.model.Option;
import io.undersign.engine.model.Page;
import io.undersign.engine.model.Question;
import io.undersign.engine.model.QuestionType;
import io.undersign.engine.model.Reason;
import io.undersign.engine.model.Row;
import io.undersign.engine.model.Rule;
import io.undersign.engine.model.RulebookDefinition;
import io.undersign.engine.model.Table;
import io.undersign.engine.model.Thresholds;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Reads rulebook YAML into its definition, recording every shape problem with its path. */
final class RulebookParser {
    /**
     * Strict YAML: a key given twice is an error (not "the last one wins"), and words YAML 1.1
     * reads as booleans (No, yes, off) stay the text they are; anchors and aliases are refused
     * before parsing ({@link #refuseAliases}), since an alias silently repeats another node.
     */
    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .enable(com.fasterxml.jackson.dataformat.yaml.YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS)
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build());
    private static final Set<String> EFFECT_KEYS = Set.of("debits", "credits", "flat-extra", "decision",
            "postpone-months", "exclusion", "evidence", "reason");

    private final Problems problems;

    RulebookParser(Problems problems) {
        this.problems = problems;
    }

    /** Anchors ({@code &a}) and aliases ({@code *a}) are errors with their line; false when there was one. */
    private boolean refuseAliases(String yaml) {
        org.yaml.snakeyaml.LoaderOptions options = new org.yaml.snakeyaml.LoaderOptions();
        options.setCodePointLimit(Math.max(yaml.length() + 1, 3 * 1024 * 1024));
        boolean clean = true;
        try {
            for (org.yaml.snakeyaml.events.Event event : new org.yaml.snakeyaml.Yaml(options).parse(new java.io.StringReader(yaml))) {
                int line = event.getStartMark() == null ? 0 : event.getStartMark().getLine() + 1;
                if (event instanceof org.yaml.snakeyaml.events.AliasEvent alias) {
                    problems.add("(file)", "line " + line + ": alias *" + alias.getAnchor() + " is not allowed; write the value out");
                    clean = false;
                } else if (event instanceof org.yaml.snakeyaml.events.NodeEvent node && node.getAnchor() != null) {
                    problems.add("(file)", "line " + line + ": anchor &" + node.getAnchor() + " is not allowed");
                    clean = false;
                }
            }
        } catch (org.yaml.snakeyaml.error.YAMLException e) {
            return true; // the parser below reports what is wrong with its line
        }
        return clean;
    }

    RulebookDefinition parse(String yaml) {
        if (!refuseAliases(yaml)) {
            return null;
        }
        JsonNode tree;
        try {
            tree = YAML.readTree(yaml);
        } catch (IOException e) {
            String where = e instanceof com.fasterxml.jackson.core.JsonProcessingException j && j.getLocation() != null
                    ? " at line " + j.getLocation().getLineNr() + ", column " + j.getLocation().getColumnNr() : "";
            problems.add("(file)", "not valid YAML" + where + ": " + e.getMessage().lines().findFirst().orElse(""));
            return null;
        }
        if (tree == null || !tree.isObject()) {
            problems.add("(file)", "must be a YAML mapping with rulebook, questions, rules …");
            return null;
        }
        YamlNode root = new YamlNode(tree, "", problems);
        root.allowOnly(Set.of("rulebook", "pages", "questions", "derived", "tables", "rules", "evidence", "thresholds"));
        Metadata metadata = metadata(root.get("rulebook"));
        Map<String, String> pageOf = new HashMap<>();
        List<Page> pages = new ArrayList<>();
        for (YamlNode p : root.list("pages", true)) {
            p.allowOnly(Set.of("id", "title", "questions"));
            Page page = new Page(p.text("id", true), p.text("title", true), p.texts("questions"));
            page.questions().forEach(q -> pageOf.putIfAbsent(q, page.id()));
            pages.add(page);
        }
        List<Question> questions = root.list("questions", true).stream().map(q -> question(q, pageOf)).toList();
        List<Derived> derived = root.list("derived", false).stream().map(this::derived).toList();
        List<Table> tables = root.list("tables", false).stream().map(this::table).toList();
        List<Rule> rules = root.list("rules", false).stream().map(this::rule).toList();
        List<EvidenceType> evidence = root.list("evidence", false).stream().map(this::evidence).toList();
        YamlNode t = root.get("thresholds");
        if (t.isMissing()) {
            problems.add("thresholds", "is required");
        }
        t.allowOnly(Set.of("standard-max", "table-step", "decline-over"));
        Thresholds thresholds = new Thresholds(t.integer("standard-max", 0), t.integer("table-step", 25), t.integer("decline-over", 0));
        return new RulebookDefinition(metadata, pages, questions, derived, tables, rules, evidence, thresholds);
    }

    private Metadata metadata(YamlNode m) {
        if (m.isMissing()) {
            problems.add("rulebook", "is required (id, version, products, effective)");
        }
        m.allowOnly(Set.of("id", "version", "title", "products", "effective"));
        LocalDate effective = null;
        String date = m.text("effective", true);
        if (date != null) {
            try {
                effective = LocalDate.parse(date);
            } catch (DateTimeParseException e) {
                problems.add(m.at("effective"), "must be a date like 2026-12-01");
            }
        }
        List<String> products = m.texts("products");
        if (products.isEmpty()) {
            problems.add(m.at("products"), "must name at least one product");
        }
        return new Metadata(m.text("id", true), m.text("version", true), m.text("title", false), products, effective);
    }

    private Question question(YamlNode q, Map<String, String> pageOf) {
        q.allowOnly(Set.of("id", "type", "text", "help", "unit", "required", "min", "max", "options", "ask-when"));
        String id = q.text("id", true);
        QuestionType type = type(q, "type");
        List<Option> options = new ArrayList<>();
        for (YamlNode o : q.list("options", false)) {
            if (o.isObject()) {
                o.allowOnly(Set.of("value", "label"));
                String value = o.text("value", true);
                String label = o.text("label", false);
                options.add(new Option(value, label == null ? value : label));
            } else {
                Object value = o.scalar();
                options.add(new Option(String.valueOf(value), String.valueOf(value)));
            }
        }
        return new Question(id, type, q.text("text", true), q.text("help", false), q.text("unit", false),
                q.bool("required", true), q.number("min"), q.number("max"), List.copyOf(options), q.text("ask-when", false),
                pageOf.get(id));
    }

    private Derived derived(YamlNode d) {
        d.allowOnly(Set.of("id", "type", "expr", "age-of", "text"));
        String expr = d.text("expr", false);
        String ageOf = d.text("age-of", false);
        if ((expr == null) == (ageOf == null)) {
            d.problem("needs exactly one of expr or age-of");
        }
        QuestionType type = ageOf != null && !d.has("type") ? QuestionType.INTEGER : type(d, "type");
        return new Derived(d.text("id", true), type, expr, ageOf, d.text("text", false));
    }

    private Table table(YamlNode t) {
        t.allowOnly(Set.of("id", "title", "hit", "inputs", "rows"));
        String hitName = t.text("hit", true);
        HitPolicy hit = hitName == null ? HitPolicy.FIRST : HitPolicy.of(hitName.toUpperCase(Locale.ROOT)).orElseGet(() -> {
            problems.add(t.at("hit"), "unknown hit policy '" + hitName + "'; use FIRST, UNIQUE, COLLECT or COLLECT-SUM");
            return HitPolicy.FIRST;
        });
        List<String> inputs = t.texts("inputs");
        if (inputs.isEmpty()) {
            problems.add(t.at("inputs"), "must name at least one input");
        }
        List<Row> rows = new ArrayList<>();
        for (YamlNode r : t.list("rows", true)) {
            Set<String> keys = new java.util.HashSet<>(EFFECT_KEYS);
            keys.add("match");
            r.allowOnly(keys);
            List<Match> matches = new ArrayList<>();
            for (Map.Entry<String, YamlNode> cell : r.entries("match")) {
                matches.add(match(cell.getKey(), cell.getValue()));
            }
            rows.add(new Row(List.copyOf(matches), effect(r)));
        }
        return new Table(t.text("id", true), t.text("title", false), hit, inputs, List.copyOf(rows));
    }

    private Match match(String input, YamlNode cell) {
        if (cell.isObject()) {
            cell.allowOnly(Set.of("from", "below", "in"));
            if (cell.has("in")) {
                return new Match(input, null, null, cell.list("in", true).stream().map(YamlNode::scalar).toList());
            }
            Double from = cell.number("from");
            Double below = cell.number("below");
            if (from == null && below == null) {
                cell.problem("needs from, below or in");
            }
            return new Match(input, from, below, null);
        }
        if (cell.isList()) {
            cell.problem("use {in: [...]} for a list of values");
            return new Match(input, null, null, List.of());
        }
        return new Match(input, null, null, java.util.Collections.singletonList(cell.scalar()));
    }

    private Rule rule(YamlNode r) {
        Set<String> keys = new java.util.HashSet<>(EFFECT_KEYS);
        keys.addAll(Set.of("id", "when"));
        r.allowOnly(keys);
        return new Rule(r.text("id", true), r.text("when", true), effect(r));
    }

    private Effect effect(YamlNode e) {
        String decisionName = e.text("decision", false);
        DecisionKind decision = null;
        if (decisionName != null) {
            try {
                decision = DecisionKind.valueOf(decisionName.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException ex) {
                problems.add(e.at("decision"), "unknown decision '" + decisionName + "'; use decline, postpone or refer");
            }
        }
        YamlNode reason = e.get("reason");
        if (reason.isMissing()) {
            problems.add(e.at("reason"), "is required: every effect needs a code and a text");
        }
        reason.allowOnly(Set.of("code", "text"));
        Double flatExtra = e.number("flat-extra");
        return new Effect(e.integer("debits", 0), e.integer("credits", 0), flatExtra == null ? 0 : flatExtra, decision,
                e.integer("postpone-months", 0), e.text("exclusion", false), e.texts("evidence"),
                new Reason(reason.text("code", true), reason.text("text", true)));
    }

    private EvidenceType evidence(YamlNode e) {
        e.allowOnly(Set.of("id", "name", "returns", "rules"));
        List<EvidenceField> returns = new ArrayList<>();
        for (YamlNode f : e.list("returns", true)) {
            f.allowOnly(Set.of("id", "type", "unit", "min", "max"));
            returns.add(new EvidenceField(f.text("id", true), type(f, "type"), f.text("unit", false), f.number("min"), f.number("max")));
        }
        List<Rule> rules = e.list("rules", false).stream().map(this::rule).toList();
        return new EvidenceType(e.text("id", true), e.text("name", true), List.copyOf(returns), rules);
    }

    private QuestionType type(YamlNode n, String field) {
        String name = n.text(field, true);
        if (name == null) {
            return QuestionType.TEXT;
        }
        return QuestionType.of(name).orElseGet(() -> {
            problems.add(n.at(field), "unknown type '" + name + "'; use number, integer, boolean, single-choice, multi-choice, date or text");
            return QuestionType.TEXT;
        });
    }
}
